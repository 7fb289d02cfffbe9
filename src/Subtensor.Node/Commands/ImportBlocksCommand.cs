using System.CommandLine;
using Subtensor.Client.Blockchain;
using Subtensor.Consensus.Aura;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node import-blocks [--binary] [--chain ..] [--base-path ..] [input]</c>: imports blocks written by
/// <c>export-blocks</c> from a file or stdin (sc-cli <c>ImportBlocksCmd</c>), each through the node's block importer
/// with origin <c>File</c>: header and seal checks, execution on the parent state and the state root comparison, one
/// atomic commit per block. A fresh base path is initialised with the genesis block of the chain spec first. Blocks
/// the database already has are skipped; the first block that cannot be read or imported stops the command with one
/// line naming it (blocks before it stay imported). Progress goes to stderr, then a summary line.
/// </summary>
internal static class ImportBlocksCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var input = new Argument<string?>("input") { Description = "input file (stdin when absent)", Arity = ArgumentArity.ZeroOrOne };
        var binary = new Option<bool>("--binary") { Description = "the input is SCALE binary (export-blocks --binary) rather than JSON" };
        var command = new Command("import-blocks", "Import blocks from a file or stdin") { input, binary };
        options.AddTo(command, database: true);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            using var context = options.Resolve(parse);
            using var stream = OpenInput(parse.GetValue(input));
            var isBinary = parse.GetValue(binary);
            BlockStreamReader reader;
            try
            {
                reader = BlockStreamReader.Open(stream, isBinary);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }

            // the first block is read before the database is opened, so that an unreadable input creates nothing
            using var blocks = reader.ReadAll().GetEnumerator();
            bool any;
            try
            {
                any = blocks.MoveNext();
            }
            catch (FormatException e)
            {
                throw new CliException(ChainCommandContext.OneLine(e.Message) + (isBinary ? "" : " (is the input a --binary export?)"));
            }

            using var client = context.Open(create: true);
            var importer = new BlockImporter(client, new AuraEngine(client.SlotDurationMs(client.Best.Hash)));
            var (imported, known) = any
                ? BlockProgress.Run("Importing", reader.Expected, progress => Import(client, importer, blocks, progress))
                : (0ul, 0ul);
            var best = client.Best;
            Console.Error.WriteLine($"🎉 Imported {imported} blocks ({known} already known). Best: #{best.Number} ({best.Hash})");
            return 0;
        }));
        return command;
    }

    private static Stream OpenInput(string? path)
    {
        if (path is null)
        {
            return Console.OpenStandardInput();
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Imports the blocks of <paramref name="blocks"/>, whose first block has been read already.</summary>
    private static (ulong Imported, ulong Known) Import(ChainClient client, BlockImporter importer, IEnumerator<SignedBlock> blocks, BlockProgress progress)
    {
        ulong imported = 0;
        ulong known = 0;
        string Stopped() => $"stopped after importing {imported} block(s); best is #{client.Best.Number} ({client.Best.Hash})";
        for (var first = true; ; first = false)
        {
            try
            {
                if (!first && !blocks.MoveNext())
                {
                    break;
                }
            }
            catch (FormatException e)
            {
                throw new CliException($"{ChainCommandContext.OneLine(e.Message)}; {Stopped()}");
            }

            var block = blocks.Current;
            var result = importer.Import(new BlockImportParams(block.Header, block.Extrinsics, block.Justifications, BlockOrigin.File));
            switch (result.Status)
            {
                case ImportStatus.Imported:
                    imported++;
                    break;
                case ImportStatus.AlreadyKnown:
                    known++;
                    break;
                default:
                    var why = result.Status switch
                    {
                        ImportStatus.UnknownParent when block.Header.Number == 0 => "it is the genesis block of another chain",
                        ImportStatus.UnknownParent => $"its parent {block.Header.ParentHash} is unknown (blocks must come in order, starting at or below the best block)",
                        ImportStatus.Invalid => "it is invalid: " + result.Reason,
                        _ => "it cannot be imported: " + result.Reason,
                    };
                    throw new CliException($"block #{result.Number} ({result.Hash}) was not imported: {ChainCommandContext.OneLine(why)}; {Stopped()}");
            }

            progress.Advance(client.Best.Number);
        }

        return (imported, known);
    }
}
