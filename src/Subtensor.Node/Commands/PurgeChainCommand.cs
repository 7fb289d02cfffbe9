using System.CommandLine;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node purge-chain [-y] [--chain ..] [--dev] [--base-path ..]</c>: removes the chain's database
/// directory <c>&lt;base&gt;/chains/&lt;id&gt;/db</c> (sc-cli <c>PurgeChainCmd</c>): asks <c>Are you sure to remove
/// "&lt;path&gt;"? [y/N]: </c> on stdout and reads the answer from stdin unless <c>-y</c>; prints <c>"&lt;path&gt;" removed.</c>,
/// <c>Aborted</c>, or on stderr <c>"&lt;path&gt;" did not exist.</c>. The keystore and network key are kept.
/// </summary>
internal static class PurgeChainCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var yes = new Option<bool>("-y") { Description = "skip the prompt, answering yes" };
        var command = new Command("purge-chain", "Remove the whole chain database");
        options.AddTo(command, database: false);
        command.Options.Add(yes);
        command.SetAction(parse =>
        {
            using var context = options.Resolve(parse);
            var path = Path.Combine(context.ChainDirectory, "db");
            var quoted = $"\"{path}\"";
            if (!parse.GetValue(yes))
            {
                Console.Out.Write($"Are you sure to remove {quoted}? [y/N]: ");
                Console.Out.Flush();
                var answer = Console.In.ReadLine()?.Trim() ?? string.Empty;
                if (answer.Length == 0 || answer[0] is not ('y' or 'Y'))
                {
                    Console.Out.WriteLine("Aborted");
                    return 0;
                }
            }

            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"{quoted} did not exist.");
                return 0;
            }

            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot remove {quoted}: {e.Message}");
            }

            Console.Out.WriteLine($"{quoted} removed.");
            return 0;
        });
        return command;
    }
}
