using System.Buffers.Binary;
using System.CommandLine;
using System.Text.Json;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node export-blocks [--from N] [--to M] [--binary] [--chain ..] [--base-path ..] [output]</c>: writes the
/// blocks #N..#M of the best chain (default #1 to the best block) to a file or stdout in Substrate's formats
/// (sc-service <c>chain_ops::export_blocks</c>): JSON — one serde <c>SignedBlock</c> value per block, written back to
/// back — or with <c>--binary</c> a u64 (LE) block count followed by the SCALE <c>SignedBlock</c>s. Progress goes to
/// stderr. A file is written completely or not at all.
/// </summary>
internal static class ExportBlocksCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var output = new Argument<string?>("output") { Description = "output file (stdout when absent)", Arity = ArgumentArity.ZeroOrOne };
        var from = ChainCommandOptions.BlockNumber("--from", "first block number (default 1)");
        var to = ChainCommandOptions.BlockNumber("--to", "last block number (default: the best block)");
        var binary = new Option<bool>("--binary") { Description = "SCALE binary output instead of JSON" };
        var command = new Command("export-blocks", "Export blocks of the best chain to a file or stdout") { output, from, to, binary };
        options.AddTo(command, database: true);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            using var context = options.Resolve(parse);
            using var client = context.Open(create: false);
            var best = client.Best.Number;
            var first = parse.GetValue(from) ?? 1;
            var last = parse.GetValue(to) ?? best;
            if (last < first)
            {
                throw new CliException($"Invalid block range specified: --from #{first} is above --to #{last}");
            }

            if (last > best)
            {
                throw new CliException($"--to #{last} is above the best block #{best}");
            }

            if (first < client.Database.OldestBodyNumber)
            {
                throw new CliException($"the bodies of blocks below #{client.Database.OldestBodyNumber} have been pruned (--blocks-pruning {client.Database.BlocksPruning}); use --from {client.Database.OldestBodyNumber} or later");
            }

            var isBinary = parse.GetValue(binary);
            using var file = OutputFile.Open(parse.GetValue(output), isBinary);
            Console.Error.WriteLine($"Exporting blocks from #{first} to #{last}");
            var count = BlockProgress.Run("Exporting", (ulong)last - first + 1, progress => Export(client, file.Stream, first, last, isBinary, progress));
            file.Commit();
            Console.Error.WriteLine($"Exported {count} blocks (#{first} to #{last}) to {file.Name}");
            return 0;
        }));
        return command;
    }

    private static ulong Export(ChainClient client, Stream output, uint first, uint last, bool binary, BlockProgress progress)
    {
        var db = client.Database;
        Utf8JsonWriter? json = null;
        if (binary)
        {
            Span<byte> count = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(count, (ulong)last - first + 1);
            output.Write(count);
        }
        else
        {
            json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = BuildSpecCommand.Pretty.Encoder });
        }

        try
        {
            for (var n = first; ; n++)
            {
                var hash = client.GetCanonicalHash(n) ?? throw new CliException($"block #{n} is missing from the canonical index");
                var header = db.GetHeader(hash) ?? throw new CliException($"the header of block #{n} ({hash}) is missing");
                var body = db.GetBody(hash)
                    ?? throw new CliException($"the body of block #{n} ({hash}) is not stored (--blocks-pruning {db.BlocksPruning})");
                var justifications = db.GetJustifications(hash);
                if (json is null)
                {
                    output.Write(SignedBlock.EncodeStored(header, body, justifications, justifications is not null));
                }
                else
                {
                    var block = new SignedBlock(ScaleCodec.Decode<Header>(header), ChainClient.DecodeBody(body), justifications);
                    SignedBlockJson.Write(json, block);
                    json.Flush();
                    json.Reset();
                }

                progress.Advance(n);
                if (n == last)
                {
                    break;
                }
            }

            output.Flush();
            return progress.Processed;
        }
        finally
        {
            json?.Dispose();
        }
    }
}
