using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Consensus.Aura;
using Subtensor.Network.Peers;
using Subtensor.Network.Sync;
using Subtensor.Node.Finality;
using ClientOrigin = Subtensor.Client.Blockchain.BlockOrigin;
using NetworkOrigin = Subtensor.Network.Sync.BlockOrigin;

namespace Subtensor.Node.Networking;

/// <summary>
/// Sync's import queue over the node's <see cref="BlockImporter"/> (sc-consensus <c>import_many_blocks</c>): blocks are imported in
/// order until one fails; a block with a GRANDPA justification is finalized once the justification verifies against the authority set
/// at that block (a bad justification costs its sender reputation, the block itself stays imported). A block whose slot is ahead of our
/// clock is not blamed on anyone: it is retried when announced again.
/// </summary>
internal sealed class ClientImportQueue : IBlockImportQueue
{
    private static readonly ILogger Log = Serilog.Log.ForContext<ClientImportQueue>();
    private readonly ChainClient _client;
    private readonly BlockImporter _importer;
    private readonly AuraEngine _engine;
    private readonly GrandpaFinality _finality;
    private readonly Action<Network.Identity.PeerId, ReputationChange>? _reportPeer;
    private readonly SealVerifier? _seals;

    public ClientImportQueue(ChainClient client, BlockImporter importer, AuraEngine engine, GrandpaFinality finality,
        Action<Network.Identity.PeerId, ReputationChange>? reportPeer, SealVerifier? seals = null)
    {
        _seals = seals;
        _client = client;
        _importer = importer;
        _engine = engine;
        _finality = finality;
        _reportPeer = reportPeer;
    }

    /// <summary>Whether GRANDPA justifications are verified and applied (off on dev chains with instant finality).</summary>
    public bool ApplyJustifications { get; init; } = true;

    public async Task<IReadOnlyList<BlockImportResult>> ImportBlocksAsync(NetworkOrigin origin, IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var results = new List<BlockImportResult>(blocks.Count);
        var clientOrigin = (ClientOrigin)(int)origin;
        using var stopPreverify = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var preverify = StartPreverify(blocks, stopPreverify.Token);
        try
        {
            foreach (var block in blocks)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var result = ImportOne(clientOrigin, block);
                results.Add(result);
                if (result.Outcome is not (BlockImportOutcome.Imported or BlockImportOutcome.AlreadyKnown))
                {
                    break; // the rest of the batch builds on this block
                }
            }
        }
        finally
        {
            await stopPreverify.CancelAsync().ConfigureAwait(false);
            await preverify.ConfigureAwait(false);
            _seals?.Clear();
        }

        return results;
    }

    /// <summary>Verifies the seals of the batch (but the first, which the import verifies right away) on another core.</summary>
    private Task StartPreverify(IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken)
    {
        if (_seals is null || blocks.Count < 2 || Environment.ProcessorCount < 2)
        {
            return Task.CompletedTask;
        }

        IReadOnlyList<byte[]> authorities;
        try
        {
            authorities = _client.AuraAuthorities(_client.Best.Hash);
        }
        catch (Exception e) when (e is InvalidOperationException or Storage.StorageException)
        {
            return Task.CompletedTask;
        }

        var seals = _seals;
        return Task.Run(() => seals.Preverify(blocks.Skip(1).Select(b => b.Header.Header), authorities, cancellationToken), CancellationToken.None);
    }

    private BlockImportResult ImportOne(ClientOrigin origin, IncomingBlock block)
    {
        var header = block.Header.Header;
        if (block.Body is null)
        {
            return new BlockImportResult(block.Hash, BlockImportOutcome.Failed, Error: "the block came without a body");
        }

        if (_engine.SlotOf(header) is { } slot && !_importer.AllowFutureSlots
            && slot > _engine.SlotAt((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) + AuraEngine.MaxFutureSlots)
        {
            return new BlockImportResult(block.Hash, BlockImportOutcome.Failed, Error: $"slot {slot} is ahead of our clock");
        }

        var imported = _importer.Import(new BlockImportParams(header, block.Body, null, origin));
        var outcome = imported.Status switch
        {
            ImportStatus.Imported => BlockImportOutcome.Imported,
            ImportStatus.AlreadyKnown => BlockImportOutcome.AlreadyKnown,
            ImportStatus.UnknownParent => BlockImportOutcome.UnknownParent,
            ImportStatus.Invalid => BlockImportOutcome.Invalid,
            _ => BlockImportOutcome.Failed,
        };
        if (outcome is BlockImportOutcome.Imported or BlockImportOutcome.AlreadyKnown && ApplyJustifications)
        {
            ApplyJustification(block);
        }

        return new BlockImportResult(block.Hash, outcome, imported.IsNewBest, imported.Reason);
    }

    private void ApplyJustification(IncomingBlock block)
    {
        var grandpa = block.Justifications?.FirstOrDefault(j => j.IsGrandpa);
        if (grandpa is null || block.Number <= _client.Finalized.Number)
        {
            return;
        }

        string? error;
        try
        {
            error = _finality.ImportJustification(block.Hash, block.Number, grandpa.Data);
        }
        catch (Exception e) when (e is InvalidOperationException or Storage.StorageException)
        {
            Log.Warning("Could not finalize {Block} with its justification: {Reason}", block.Header, e.Message);
            return;
        }

        if (error is not null)
        {
            Log.Warning("Bad GRANDPA justification for {Block} from {Peer}: {Reason}", block.Header, block.Origin, error);
            if (block.Origin is { } peer)
            {
                _reportPeer?.Invoke(peer, ReputationChange.BadJustification);
            }
        }
    }
}
