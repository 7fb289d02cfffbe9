using System.CommandLine;

namespace Subtensor.Node;

/// <summary>The <c>subtensor-node</c> command line: Substrate's flags and subcommands.</summary>
internal static class NodeCli
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Subtensor.NET node");
        root.Subcommands.Add(Commands.ExportGenesisHeadCommand.Create());
        return root.Parse(args).Invoke();
    }
}
