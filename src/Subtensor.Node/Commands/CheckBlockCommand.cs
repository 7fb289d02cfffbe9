using System.CommandLine;
using System.Diagnostics;
using Subtensor.Client.Blockchain;
using Subtensor.Consensus.Aura;
using Subtensor.Consensus.Engine;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;
using Subtensor.Runtime;
using Subtensor.Runtime.State;
using Subtensor.Storage.Chain;
using RuntimeBlock = Subtensor.Runtime.Executive.Block;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node check-block [--chain ..] [--base-path ..] &lt;HASH or NUMBER or 0x BLOCK&gt;</c>: re-validates a
/// block as the import queue would (sc-cli <c>CheckBlockCmd</c> re-imports a stored block with <c>import_existing</c>):
/// the Aura seal and slot against the parent, execution of the body on the parent's state and the state root. The
/// block is a stored one (by number on the best chain or by hash) or given as 0x-hex of its SCALE encoding (a
/// <c>Block</c> or a <c>SignedBlock</c>) whose parent is stored. Nothing is written. Prints the verdict on stdout;
/// exit code 1 when the block is invalid. The wall clock plays no part (a slot in the future is accepted).
/// </summary>
internal static class CheckBlockCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var input = new Argument<string>("block") { Description = "block number, 0x block hash, or 0x-hex of an encoded block", HelpName = "HASH or NUMBER or BLOCK" };
        var command = new Command("check-block", "Re-execute a block on its parent state and report whether it is valid") { input };
        options.AddTo(command, database: true);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var text = parse.GetValue(input)!;
            var encoded = text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 66 ? DecodeBlock(text) : null;
            var id = encoded is null ? BlockNumberOrHash.Parse(text) : (BlockNumberOrHash?)null;
            using var context = options.Resolve(parse);
            using var client = context.Open(create: false);
            Header header;
            IReadOnlyList<byte[]> extrinsics;
            if (encoded is not null)
            {
                (header, extrinsics) = encoded.Value;
            }
            else
            {
                var at = id!.Value.Resolve(client);
                header = client.GetHeader(at.Hash)!;
                extrinsics = client.GetBody(at.Hash)
                    ?? throw new CliException($"the body of block #{at.Number} ({at.Hash}) is not stored (--blocks-pruning {client.Database.BlocksPruning})");
            }

            var hash = header.Hash();
            if (header.Number == 0)
            {
                if (hash != client.GenesisHash)
                {
                    throw new CliException($"block #0 ({hash}) is not the genesis block {client.GenesisHash} of this chain");
                }

                Console.Out.WriteLine($"Block #0 ({hash}) is the genesis block built from the chain spec: valid.");
                return 0;
            }

            var started = Stopwatch.StartNew();
            var verdict = Check(client, header, extrinsics);
            Console.Out.WriteLine($"Block #{header.Number} ({hash}) is valid: {verdict}. Completed in {started.ElapsedMilliseconds} ms.");
            return 0;
        }));
        return command;
    }

    /// <summary>Runs the checks; throws <see cref="CliException"/> saying what is wrong.</summary>
    private static string Check(ChainClient client, Header header, IReadOnlyList<byte[]> extrinsics)
    {
        var hash = header.Hash();
        string Invalid(string reason) => $"block #{header.Number} ({hash}) is invalid: {ChainCommandContext.OneLine(reason)}";
        var parent = client.GetHeader(header.ParentHash)
            ?? throw new CliException($"cannot check block #{header.Number} ({hash}): its parent {header.ParentHash} is not in the database");
        if (header.Number != parent.Number + 1)
        {
            throw new CliException(Invalid($"its number does not follow its parent's #{parent.Number}"));
        }

        try
        {
            var engine = new AuraEngine(client.SlotDurationMs(header.ParentHash));
            var verified = engine.Verify(header, parent, client.AuraAuthorities(header.ParentHash), engine.SlotAt((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), allowFutureSlots: true);
            var backend = client.StateAt(header.ParentHash);
            var state = new OverlayedState(backend);
            client.Runtime.Executive.ExecuteBlock(state, new RuntimeBlock(verified.PreSealHeader, extrinsics));
            var root = backend.Commit(state, client.StateVersion).Root;
            if (root != header.StateRoot)
            {
                throw new CliException(Invalid($"state root mismatch: header {header.StateRoot}, computed {root}"));
            }

            return $"sealed by Aura authority {verified.AuthorityIndex} in slot {verified.Slot}, {extrinsics.Count} extrinsic(s), state root {root}";
        }
        catch (StateUnavailableException e)
        {
            throw new CliException($"cannot check block #{header.Number} ({hash}): {ChainCommandContext.OneLine(e.Message)}");
        }
        catch (Exception e) when (e is ConsensusException or RuntimePanicException or InvalidOperationException or ScaleDecodeException or ArgumentException)
        {
            throw new CliException(Invalid(e.Message));
        }
    }

    private static (Header Header, IReadOnlyList<byte[]> Extrinsics)? DecodeBlock(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Hex.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException($"invalid block hex: {e.Message}");
        }

        try
        {
            var block = RuntimeBlock.Decode(bytes);
            return (block.Header, block.Extrinsics);
        }
        catch (ScaleDecodeException)
        {
            try
            {
                var signed = SignedBlock.Decode(bytes);
                return (signed.Header, signed.Extrinsics);
            }
            catch (ScaleDecodeException e)
            {
                throw new CliException($"the hex is neither a SCALE Block nor a SignedBlock: {e.Message}");
            }
        }
    }
}
