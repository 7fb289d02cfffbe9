using System.CommandLine;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node revert [--chain ..] [--base-path ..] [NUM]</c> (default 256, as sc-cli <c>RevertCmd</c>): moves the
/// best block back by up to NUM blocks, never below the finalized block (Substrate's <c>revert_chain</c> without
/// <c>revert_finalized</c>), removing the reverted blocks so they can be imported again; one atomic write. Prints
/// <c>Reverted N blocks. Best: #n (hash), finalized: #f (hash)</c> or that there was nothing to revert.
/// </summary>
internal static class RevertCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var count = new Argument<uint>("num")
        {
            Description = "number of blocks to revert",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => 256,
            HelpName = "NUM",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "256" : r.Tokens[^1].Value;
                if (text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                r.AddError($"invalid number of blocks to revert '{text}'");
                return 0;
            },
        };
        var command = new Command("revert", "Revert the chain by up to NUM unfinalized blocks") { count };
        options.AddTo(command, database: true);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            using var context = options.Resolve(parse);
            using var client = context.Open(create: false);
            var result = client.Database.Revert(parse.GetValue(count));
            var finalized = client.Finalized;
            if (result.Count == 0)
            {
                Console.Out.WriteLine($"There aren't any non-finalized blocks to revert. Best: #{result.Best.Number} ({result.Best.Hash}), finalized: #{finalized.Number} ({finalized.Hash})");
                return 0;
            }

            var forks = result.Removed.Count - (int)result.Count;
            Console.Out.WriteLine($"Reverted {result.Count} blocks{(forks > 0 ? $" (and {forks} fork block(s) above #{result.Best.Number})" : "")}. " +
                                  $"Best: #{result.Best.Number} ({result.Best.Hash}), finalized: #{finalized.Number} ({finalized.Hash})");
            return 0;
        }));
        return command;
    }
}
