using System.Threading.Channels;
using Serilog;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Service;
using Subtensor.Network.Sync;
using Subtensor.TransactionPool;

namespace Subtensor.Node.Networking;

/// <summary>
/// Transactions between the pool and <c>/…/transactions/1</c> (sc-network-transactions <c>TransactionsHandler</c>): gossiped extrinsics go
/// into the pool as <see cref="TransactionSource.External"/> (ignored while major-syncing), each verdict adjusts the sender's reputation,
/// and ready transactions that may propagate are sent to the peers that do not know them yet, soon after they enter the pool and again
/// every <see cref="PropagateInterval"/> (the network drops what a peer already knows).
/// </summary>
internal sealed class TransactionGossip : IAsyncDisposable
{
    /// <summary>sc-network-transactions <c>PROPAGATE_TIMEOUT</c>.</summary>
    public static readonly TimeSpan PropagateInterval = TimeSpan.FromMilliseconds(2900);

    private static readonly ILogger Log = Serilog.Log.ForContext<TransactionGossip>();
    private readonly NetworkService _network;
    private readonly TransactionPool.TransactionPool _pool;
    private readonly Func<bool> _isMajorSyncing;
    private readonly Channel<(PeerId Peer, IReadOnlyList<byte[]> Extrinsics)> _received = Channel.CreateBounded<(PeerId, IReadOnlyList<byte[]>)>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SemaphoreSlim _propagateSoon = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiveLoop;
    private Task? _propagateLoop;

    public TransactionGossip(NetworkService network, TransactionPool.TransactionPool pool, Func<bool> isMajorSyncing)
    {
        _network = network;
        _pool = pool;
        _isMajorSyncing = isMajorSyncing;
    }

    public void Start()
    {
        _network.TransactionsReceived += OnReceived;
        _pool.TransactionImported += OnPoolImported;
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_stop.Token), CancellationToken.None);
        _propagateLoop = Task.Run(() => PropagateLoopAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Sends one extrinsic to the peers now (RPC submissions).</summary>
    public void Broadcast(byte[] extrinsic) => _network.PropagateTransactions([extrinsic]);

    private void OnReceived(object? sender, TransactionsEventArgs e)
    {
        if (!_received.Writer.TryWrite((e.Peer, e.Extrinsics)))
        {
            Log.Debug("Transaction queue full; dropping {Count} transaction(s) from {Peer}", e.Extrinsics.Count, e.Peer);
        }
    }

    private void OnPoolImported(Hash256 hash)
    {
        if (_propagateSoon.CurrentCount == 0)
        {
            _propagateSoon.Release();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (peer, extrinsics) in _received.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (_isMajorSyncing())
                {
                    continue; // sc-network-transactions ignores transactions while major-syncing
                }

                foreach (var extrinsic in extrinsics)
                {
                    if (Submit(extrinsic) is { } change)
                    {
                        _network.ReportPeer(peer, change);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static ReputationChange? NoChange => null;

    private ReputationChange? Submit(byte[] extrinsic)
    {
        try
        {
            _pool.Submit(extrinsic, TransactionSource.External);
            return ReputationChange.GoodTransaction;
        }
        catch (TransactionPoolException e) when (e.Kind is TransactionPoolErrorKind.InvalidTransaction or TransactionPoolErrorKind.BadFormat)
        {
            Log.Debug("Invalid gossiped transaction {Hash}: {Reason}", Hash256.Blake2(extrinsic), e.Detail ?? e.Message);
            return ReputationChange.BadTransaction;
        }
        catch (TransactionPoolException)
        {
            return NoChange; // known, banned after inclusion, pool full: nobody's fault
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Debug("Gossiped transaction {Hash} failed validation: {Reason}", Hash256.Blake2(extrinsic), e.Message);
            return ReputationChange.BadTransaction;
        }
    }

    private async Task PropagateLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await _propagateSoon.WaitAsync(PropagateInterval, ct).ConfigureAwait(false))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false); // gather a burst
                }

                if (_isMajorSyncing())
                {
                    continue;
                }

                var ready = _pool.ReadyTransactions().Where(t => t.Validity.Propagate).Select(t => t.Bytes).ToList();
                if (ready.Count > 0)
                {
                    _network.PropagateTransactions(ready);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.Warning(e, "Transaction propagation failed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _network.TransactionsReceived -= OnReceived;
        _pool.TransactionImported -= OnPoolImported;
        await _stop.CancelAsync().ConfigureAwait(false);
        _received.Writer.TryComplete();
        await BackgroundLoops.AwaitStoppedAsync(_receiveLoop, _propagateLoop).ConfigureAwait(false);

        _stop.Dispose();
        _propagateSoon.Dispose();
    }
}
