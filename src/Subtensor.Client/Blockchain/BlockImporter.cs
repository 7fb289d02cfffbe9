using Serilog;
using Subtensor.Consensus.Engine;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Executive;
using Subtensor.Runtime.State;
using Subtensor.Storage.Chain;

namespace Subtensor.Client.Blockchain;

/// <summary>
/// The one import path for own and foreign blocks: header checks (parent known, number, consensus seal, slot),
/// body execution on the parent state (the runtime recomputes and compares both roots), one atomic commit, longest-chain
/// fork choice that never leaves the finalized chain, and the retracted/enacted route of a re-org.
/// </summary>
public sealed class BlockImporter
{
    private static readonly ILogger Log = Serilog.Log.ForContext<BlockImporter>();
    private readonly ChainClient _client;
    private readonly IConsensusEngine _engine;
    private readonly Func<ulong> _unixMs;

    public BlockImporter(ChainClient client, IConsensusEngine engine, Func<ulong>? unixMs = null, bool allowFutureSlots = false, bool finalizeEveryBlock = false)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _unixMs = unixMs ?? (() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        AllowFutureSlots = allowFutureSlots;
        FinalizeEveryBlock = finalizeEveryBlock;
    }

    /// <summary>Dev sealing modes stamp slots ahead of the wall clock; they switch the future-slot check off.</summary>
    public bool AllowFutureSlots { get; }

    /// <summary>Dev chains without a finality gadget finalize every imported best block.</summary>
    public bool FinalizeEveryBlock { get; }

    public ImportResult Import(BlockImportParams block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Header;
        var hash = header.Hash();
        lock (_client.ImportLock)
        {
            try
            {
                return ImportLocked(block, header, hash);
            }
            catch (Exception e) when (e is ConsensusException or RuntimePanicException or InvalidOperationException
                                          or Core.Scale.ScaleDecodeException or BlockCommitException or ArgumentException)
            {
                Log.Warning("Rejected block #{Number} ({Hash}) from {Origin}: {Reason}", header.Number, hash, block.Origin, e.Message);
                return new ImportResult(ImportStatus.Invalid, hash, header.Number, Reason: e.Message);
            }
            catch (StateUnavailableException e)
            {
                return new ImportResult(ImportStatus.Unsupported, hash, header.Number, Reason: e.Message);
            }
        }
    }

    private ImportResult ImportLocked(BlockImportParams block, Header header, Hash256 hash)
    {
        if (_client.Database.GetHeader(hash) is not null)
        {
            return new ImportResult(ImportStatus.AlreadyKnown, hash, header.Number);
        }

        var parent = _client.GetHeader(header.ParentHash);
        if (parent is null)
        {
            return new ImportResult(ImportStatus.UnknownParent, hash, header.Number, Reason: $"parent {header.ParentHash} is unknown");
        }

        if (header.Number != parent.Number + 1)
        {
            throw new InvalidOperationException($"block number {header.Number} does not follow the parent's {parent.Number}");
        }

        var finalized = _client.Finalized;
        if (header.Number <= finalized.Number)
        {
            return new ImportResult(ImportStatus.Unsupported, hash, header.Number, Reason: $"block #{header.Number} is at or below the finalized #{finalized.Number}");
        }

        var authorities = _client.AuraAuthorities(header.ParentHash);
        var verified = _engine.Verify(header, parent, authorities, _engine.SlotAt(_unixMs()), AllowFutureSlots);

        var backend = block.ExecutedBackend ?? _client.StateAt(header.ParentHash);
        var state = block.ExecutedState;
        if (state is null)
        {
            state = new OverlayedState(backend);
            _client.Runtime.Executive.ExecuteBlock(state, new Block(verified.PreSealHeader, block.Extrinsics));
        }

        var changes = backend.Commit(state, _client.StateVersion);
        if (changes.Root != header.StateRoot)
        {
            throw new InvalidOperationException($"state root mismatch: header {header.StateRoot}, computed {changes.Root}");
        }

        var previousBest = _client.Best;
        var isNewBest = header.Number > previousBest.Number;
        var finalizes = block.Finalize || (FinalizeEveryBlock && isNewBest) ? hash : (Hash256?)null;
        var retracted = new List<BlockRef>();
        var enacted = new List<BlockRef>();
        if (isNewBest)
        {
            TreeRoute(previousBest, new BlockRef(header.ParentHash, parent.Number), retracted, enacted);
            enacted.Add(new BlockRef(hash, header.Number));
        }

        _client.Database.CommitBlock(header.Encode(), ChainClient.EncodeBody(block.Extrinsics), block.Justifications, changes, isNewBest, finalizes);
        if (isNewBest)
        {
            // During initial sync the informant reports progress; one line per block would flood the console (sc-informant does the same).
            Log.Write(block.Origin == BlockOrigin.NetworkInitialSync ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information,
                "Imported #{Number} ({Hash}) with {Count} extrinsic(s){Reorg}", header.Number, hash, block.Extrinsics.Count,
                retracted.Count > 0 ? $", re-org of {retracted.Count} block(s)" : "");
        }
        else
        {
            Log.Debug("Imported fork block #{Number} ({Hash})", header.Number, hash);
        }

        _client.RaiseImported(new BlockImportedEvent(hash, header, block.Extrinsics, block.Origin, isNewBest, retracted, enacted));
        if (finalizes is not null)
        {
            _client.RaiseFinalized(new FinalizedEvent([new BlockRef(hash, header.Number)]));
        }

        return new ImportResult(ImportStatus.Imported, hash, header.Number, isNewBest);
    }

    /// <summary>
    /// Makes a known block the best one although the longest-chain rule did not choose it (finality on another fork wins over length):
    /// rewrites the best chain and raises <see cref="ChainClient.BlockImported"/> with the re-org route, so the pool takes back the
    /// transactions of the retracted blocks. False when the block is unknown or already best.
    /// </summary>
    public bool SetBest(Hash256 hash, BlockOrigin origin = BlockOrigin.ConsensusBroadcast)
    {
        lock (_client.ImportLock)
        {
            var previousBest = _client.Best;
            var header = _client.GetHeader(hash);
            if (header is null || previousBest.Hash == hash)
            {
                return false;
            }

            var retracted = new List<BlockRef>();
            var enacted = new List<BlockRef>();
            TreeRoute(previousBest, new BlockRef(hash, header.Number), retracted, enacted);
            _client.Database.SetBest(hash);
            Log.Information("Best block set to #{Number} ({Hash}), re-org of {Count} block(s)", header.Number, hash, retracted.Count);
            _client.RaiseImported(new BlockImportedEvent(hash, header, _client.GetBody(hash) ?? [], origin, true, retracted, enacted));
            return true;
        }
    }

    /// <summary>
    /// The route from <paramref name="from"/> to <paramref name="to"/>: blocks of <paramref name="from"/>'s branch
    /// down to the common ancestor (retracted, newest first) and of <paramref name="to"/>'s branch up from it
    /// (enacted, oldest first).
    /// </summary>
    private void TreeRoute(BlockRef from, BlockRef to, List<BlockRef> retracted, List<BlockRef> enacted)
    {
        var a = from;
        var b = to;
        var up = new List<BlockRef>();
        while (a.Hash != b.Hash)
        {
            if (a.Number >= b.Number)
            {
                retracted.Add(a);
                a = ParentOf(a);
            }
            else
            {
                up.Add(b);
                b = ParentOf(b);
            }
        }

        up.Reverse();
        enacted.AddRange(up);
    }

    private BlockRef ParentOf(BlockRef block)
    {
        var header = _client.GetHeader(block.Hash) ?? throw new InvalidOperationException($"header {block.Hash} missing");
        return new BlockRef(header.ParentHash, header.Number - 1);
    }
}
