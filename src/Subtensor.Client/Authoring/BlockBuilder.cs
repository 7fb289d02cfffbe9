using System.Diagnostics;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.State;
using Subtensor.TransactionPool;

namespace Subtensor.Client.Authoring;

/// <summary>
/// Builds a block on a parent (sc-basic-authorship): <c>initialize_block</c> with the consensus pre-digest, the
/// inherents (timestamp), then ready pool transactions in pool order until the block is full or the time budget
/// runs out, then <c>finalize_block</c>. Transactions the runtime declares invalid leave the pool.
/// </summary>
public sealed class BlockBuilder
{
    /// <summary>Inherent identifier of the timestamp (<c>sp_timestamp::INHERENT_IDENTIFIER</c>).</summary>
    public static readonly byte[] TimestampInherent = "timstap0"u8.ToArray();

    private const int MaxSkippedAfterFull = 8;
    private static readonly ILogger Log = Serilog.Log.ForContext<BlockBuilder>();

    private readonly ChainClient _client;
    private readonly TransactionPool.TransactionPool _pool;

    public BlockBuilder(ChainClient client, TransactionPool.TransactionPool pool)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
    }

    public ProposedBlock Build(Header parent, IReadOnlyList<DigestItem> preDigest, ulong timestampMs, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(preDigest);
        var clock = Stopwatch.StartNew();
        var parentHash = parent.Hash();
        var backend = _client.StateAt(parentHash);
        var state = new OverlayedState(backend);
        var executive = _client.Runtime.Executive;
        var header = new Header(parentHash, parent.Number + 1, Hash256.Zero, Hash256.Zero, new Digest(preDigest));
        executive.InitializeBlock(state, header);

        var extrinsics = new List<byte[]>();
        foreach (var inherent in Inherents(state, timestampMs))
        {
            var result = executive.ApplyExtrinsic(state, inherent);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"inherent failed: {result}");
            }

            extrinsics.Add(inherent);
        }

        var included = new List<Hash256>();
        var invalid = new List<Hash256>();
        var skippedAfterFull = 0;
        foreach (var tx in _pool.ReadyTransactions())
        {
            if (clock.Elapsed > budget)
            {
                Log.Debug("block #{Number}: time budget of {Budget} ms used up", header.Number, budget.TotalMilliseconds);
                break;
            }

            var result = executive.ApplyExtrinsic(state, tx.Bytes);
            if (result.IsIncluded)
            {
                extrinsics.Add(tx.Bytes);
                included.Add(tx.Hash);
                continue;
            }

            if (result.Invalid is { IsUnknown: false, Code: (byte)InvalidTransaction.ExhaustsResources })
            {
                if (++skippedAfterFull > MaxSkippedAfterFull)
                {
                    break;
                }

                continue;
            }

            if (result.Invalid is { IsUnknown: false, Code: (byte)InvalidTransaction.Future })
            {
                continue;
            }

            invalid.Add(tx.Hash);
        }

        if (invalid.Count > 0)
        {
            _pool.Remove(invalid);
            Log.Debug("dropped {Count} invalid transaction(s) while building #{Number}", invalid.Count, header.Number);
        }

        var finished = executive.FinalizeBlock(state);
        return new ProposedBlock(finished, extrinsics, backend, state, included);
    }

    /// <summary>The runtime's inherent extrinsics for this block (<c>BlockBuilder_inherent_extrinsics</c>).</summary>
    private byte[][] Inherents(OverlayedState state, ulong timestampMs)
    {
        var data = new ScaleWriter();
        data.WriteCompact(1);
        data.WriteBytes(TimestampInherent);
        data.WriteByteVec(ScaleCodec.Encode(w => w.WriteU64(timestampMs)));
        var encoded = _client.Runtime.Apis.Call(state, "BlockBuilder_inherent_extrinsics", data.ToArray());
        return [.. ChainClient.DecodeBody(encoded)];
    }
}
