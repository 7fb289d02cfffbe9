using System.CommandLine;
using Subtensor.Node.Cli;
using Subtensor.Node.Commands;

namespace Subtensor.Node;

/// <summary>The <c>subtensor-node</c> command line: Substrate's flags and subcommands.</summary>
internal static class NodeCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Subtensor.NET node: a C# implementation of Subtensor, the Bittensor chain");
        root.Subcommands.Add(KeyCommand.Build());
        root.Subcommands.Add(BenchmarkCommand.Build());
        root.Subcommands.Add(ExportGenesisHeadCommand.Create());
        root.Subcommands.Add(BuildSpecCommand.Create());
        root.Subcommands.Add(PurgeChainCommand.Create());
        root.Subcommands.Add(ExportBlocksCommand.Create());
        root.Subcommands.Add(ImportBlocksCommand.Create());
        root.Subcommands.Add(ExportStateCommand.Create());
        root.Subcommands.Add(CheckBlockCommand.Create());
        root.Subcommands.Add(RevertCommand.Create());
        new RunCommand().AddTo(root);
        return root;
    }

    public static int Run(string[] args) => CliRunner.Run(Build(), args);
}
