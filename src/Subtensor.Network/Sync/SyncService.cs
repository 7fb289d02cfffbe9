using System.Threading.Channels;
using Serilog;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// Drives <see cref="ChainSync"/> over a <see cref="NetworkService"/> and the node's <see cref="IBlockImportQueue"/>: one loop thread
/// owns the state machine and feeds it network events, request results and import results; requests run concurrently (one per peer),
/// imports one batch at a time. Imported blocks are re-announced once the node is not major-syncing, and a progress line is logged.
/// </summary>
public sealed class SyncService : IAsyncDisposable
{
    private readonly NetworkService _network;
    private readonly IChainBackend _chain;
    private readonly IBlockImportQueue _importQueue;
    private readonly SyncServiceOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly ChainSync _sync;
    private readonly Channel<Func<Task>> _events = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly SyncInformant _informant;
    private Task? _loop;
    private Task? _informantLoop;
    private bool _importing;
    private readonly object _stateGate = new();
    private SyncState _state;
    private bool _majorSyncing;
    private int _syncPeers;
    private long _importedBlocks;
    private int _disposed;

    public SyncService(NetworkService network, IChainBackend chain, IBlockImportQueue importQueue, SyncServiceOptions? options = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(importQueue);
        _network = network;
        _chain = chain;
        _importQueue = importQueue;
        _options = options ?? new SyncServiceOptions();
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "sync");
        _time = time ?? TimeProvider.System;
        _sync = new ChainSync(chain, _options.ChainSync);
        _state = _sync.State;
        _informant = new SyncInformant(_log, _time);
    }

    /// <summary><c>system_syncState</c>: the starting block, the chain's best block now, and the highest block peers claim.</summary>
    public SyncState State
    {
        get
        {
            SyncState snapshot;
            lock (_stateGate)
            {
                snapshot = _state;
            }

            // The current block is read live: the snapshot may lag the import queue by one step.
            var current = _chain.Info.BestNumber;
            return snapshot with { CurrentBlock = current, HighestBlock = Math.Max(snapshot.HighestBlock, current) };
        }
    }

    /// <summary>Far behind the peers (<c>system_health.isSyncing</c>).</summary>
    public bool IsMajorSyncing => Volatile.Read(ref _majorSyncing);

    public int SyncPeers => Volatile.Read(ref _syncPeers);

    /// <summary>Blocks imported through sync since start.</summary>
    public long ImportedBlocks => Interlocked.Read(ref _importedBlocks);

    /// <summary>Raised on the sync thread after each import batch.</summary>
    public event EventHandler<IReadOnlyList<BlockImportResult>>? BlocksImported;

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_loop is not null)
        {
            throw new InvalidOperationException("sync is already started");
        }

        _network.PeerConnected += OnPeerConnected;
        _network.PeerDisconnected += OnPeerDisconnected;
        _network.BlockAnnounceReceived += OnBlockAnnounce;
        foreach (var peer in _network.Peers)
        {
            OnPeerConnected(this, peer);
        }

        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        if (_options.InformantInterval > TimeSpan.Zero)
        {
            _informantLoop = Task.Run(() => InformantLoopAsync(_stop.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        _network.PeerConnected -= OnPeerConnected;
        _network.PeerDisconnected -= OnPeerDisconnected;
        _network.BlockAnnounceReceived -= OnBlockAnnounce;
        await _stop.CancelAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
        await BackgroundLoops.AwaitStoppedAsync(_loop, _informantLoop).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>
    /// Asks peers whose best block is at least <paramref name="number"/> for the justifications of <paramref name="hash"/> (a block request
    /// with only the justification field); null when no peer has any.
    /// </summary>
    public async Task<IReadOnlyList<Justification>?> RequestJustificationsAsync(Hash256 hash, uint number, CancellationToken cancellationToken = default)
    {
        var request = BlockRequest.ByHash(hash, 1, BlockRequestDirection.Ascending, BlockAttributes.Justification);
        foreach (var peer in _network.Peers.Where(p => p.BestNumber >= number))
        {
            try
            {
                var response = await _network.RequestBlocksAsync(peer.PeerId, request, cancellationToken).ConfigureAwait(false);
                if (response.Blocks.FirstOrDefault(b => b.Hash == hash)?.Justifications is { Count: > 0 } justifications)
                {
                    return justifications;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                _log.Debug("Justification request to {Peer} failed: {Reason}", peer.PeerId, ex.Message);
            }
        }

        return null;
    }

    private void Post(Func<Task> work) => _events.Writer.TryWrite(work);

    private void Post(Action work) => Post(() =>
    {
        work();
        return Task.CompletedTask;
    });

    private void OnPeerConnected(object? sender, ConnectedPeer peer)
        => Post(() => _sync.AddPeer(peer.PeerId, peer.BestHash, peer.BestNumber));

    private void OnPeerDisconnected(object? sender, PeerId peer) => Post(() => _sync.RemovePeer(peer));

    private void OnBlockAnnounce(object? sender, BlockAnnounceEventArgs e)
        => Post(() => _sync.OnBlockAnnounce(e.Peer, e.Announce.Header, e.Announce.IsBest));

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        Pump(cancellationToken);
        await foreach (var work in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await work().ConfigureAwait(false);
                while (_events.Reader.TryRead(out var more))
                {
                    await more().ConfigureAwait(false);
                }

                Pump(cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                _log.Error(ex, "sync step failed");
            }
        }
    }

    private void Pump(CancellationToken cancellationToken)
    {
        foreach (var request in _sync.NextRequests())
        {
            _ = Task.Run(() => SendRequestAsync(request, cancellationToken), CancellationToken.None);
        }

        if (!_importing)
        {
            var blocks = _sync.TakeBlocksToImport(_options.MaxImportBatch);
            if (blocks.Count > 0)
            {
                _importing = true;
                var origin = _sync.IsMajorSyncing ? BlockOrigin.NetworkInitialSync : BlockOrigin.NetworkBroadcast;
                _ = Task.Run(() => ImportAsync(origin, blocks, cancellationToken), CancellationToken.None);
            }
        }

        foreach (var report in _sync.TakeReports())
        {
            _log.Debug("Reporting {Peer}: {Change}", report.Peer, report.Change);
            _network.ReportPeer(report.Peer, report.Change);
        }

        lock (_stateGate)
        {
            _state = _sync.State;
        }

        Volatile.Write(ref _majorSyncing, _sync.IsMajorSyncing);
        Volatile.Write(ref _syncPeers, _sync.PeerCount);
    }

    private async Task SendRequestAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _network.RequestBlocksAsync(request.Peer, request.Request, cancellationToken).ConfigureAwait(false);
            Post(() => _sync.OnBlockResponse(request.Peer, request.Id, response));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var cost = ex switch
            {
                Libp2pProtocolException => ReputationChange.BadResponse,
                OperationCanceledException or TimeoutException => ReputationChange.Timeout,
                _ => ReputationChange.Refused,
            };
            _log.Debug("Block request {Id} to {Peer} failed: {Reason}", request.Id, request.Peer, ex.Message);
            _network.ReportPeer(request.Peer, cost);
            Post(() => _sync.OnRequestFailed(request.Peer, request.Id));
        }
    }

    private async Task ImportAsync(BlockOrigin origin, IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken)
    {
        IReadOnlyList<BlockImportResult> results;
        try
        {
            results = await _importQueue.ImportBlocksAsync(origin, blocks, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Error(ex, "block import failed");
            results = [.. blocks.Select(b => new BlockImportResult(b.Hash, BlockImportOutcome.Failed, Error: ex.Message))];
        }

        Post(() =>
        {
            _importing = false;
            _sync.OnBlocksProcessed(blocks, results);
            var imported = results.Count(r => r.Outcome == BlockImportOutcome.Imported);
            Interlocked.Add(ref _importedBlocks, imported);
            foreach (var (block, result) in blocks.Zip(results))
            {
                if (result.Outcome == BlockImportOutcome.Invalid)
                {
                    _log.Warning("💔 Invalid block {Block} from {Peer}: {Error}", block.Header, block.Origin, result.Error);
                }
                else if (result.Outcome == BlockImportOutcome.Failed)
                {
                    _log.Warning("Importing block {Block} failed: {Error}", block.Header, result.Error);
                }
            }

            if (_options.AnnounceImportedBlocks && !_sync.IsMajorSyncing)
            {
                var best = _chain.Info.BestHash;
                foreach (var (block, result) in blocks.Zip(results))
                {
                    if (result.Outcome == BlockImportOutcome.Imported)
                    {
                        _network.AnnounceBlock(block.Header.ToArray(), isBest: block.Hash == best);
                    }
                }
            }

            BlocksImported?.Invoke(this, results);
        });
    }

    private async Task InformantLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.InformantInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            _informant.Report(_chain.Info, State, IsMajorSyncing, _network.PeerCount);
        }
    }
}
