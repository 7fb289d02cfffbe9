using Serilog;
using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Rpc.Modules;

namespace Subtensor.Node.Service;

/// <summary>
/// Produces blocks according to the sealing mode: at our Aura slots, at a fixed interval, as soon as transactions
/// are ready, or on <c>engine_createBlock</c>. Dev modes stamp each block with the next free slot (ahead of the wall
/// clock when blocks come faster than slots) so that Aura's rules hold.
/// </summary>
internal sealed class AuthoringWorker : IManualSeal, IAsyncDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<AuthoringWorker>();
    private readonly BlockAuthor _author;
    private readonly ChainClient _client;
    private readonly TransactionPool.TransactionPool _pool;
    private readonly SealingMode _mode;
    private readonly bool _finalize;
    private readonly Func<bool>? _isMajorSyncing;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0);
    private Task? _loop;

    /// <param name="isMajorSyncing">Aura skips its slots while this says the node is far behind its peers (sc-consensus-slots).</param>
    public AuthoringWorker(BlockAuthor author, ChainClient client, TransactionPool.TransactionPool pool, SealingMode mode, bool finalize, Func<bool>? isMajorSyncing = null)
    {
        _isMajorSyncing = isMajorSyncing;
        _author = author;
        _client = client;
        _pool = pool;
        _mode = mode;
        _finalize = finalize;
    }

    private static ulong NowMs => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private ulong SlotMs => _author.Engine.SlotDurationMs;

    public void Start()
    {
        if (_mode.Kind == SealingKind.Instant)
        {
            _pool.TransactionImported += _ => _wake.Release();
        }

        _loop = _mode.Kind switch
        {
            SealingKind.Aura => Task.Run(() => AuraLoop(_stop.Token)),
            SealingKind.Interval => Task.Run(() => IntervalLoop(_stop.Token)),
            SealingKind.Instant => Task.Run(() => InstantLoop(_stop.Token)),
            _ => Task.CompletedTask,
        };
    }

    private async Task AuraLoop(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var now = NowMs;
            var nextSlotStart = (now / SlotMs + 1) * SlotMs;
            await Delay(TimeSpan.FromMilliseconds(nextSlotStart - now), ct).ConfigureAwait(false);
            now = NowMs;
            if (_isMajorSyncing?.Invoke() == true)
            {
                Log.Debug("Skipping slot {Slot}: major sync in progress", _author.Engine.SlotAt(now));
                continue;
            }

            Guarded(() => _author.TryAuthor(_author.Engine.SlotAt(now), now, TimeSpan.FromMilliseconds(SlotMs * 2 / 3), _finalize));
        }
    }

    private async Task IntervalLoop(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_mode.IntervalMs));
        while (await WaitTick(timer, ct).ConfigureAwait(false))
        {
            Guarded(() => AuthorDevBlock(TimeSpan.FromMilliseconds(_mode.IntervalMs * 2 / 3)));
        }
    }

    private async Task InstantLoop(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Let a burst of submissions gather into one block.
            await Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
            while (_wake.CurrentCount > 0)
            {
                await _wake.WaitAsync(ct).ConfigureAwait(false);
            }

            while (!ct.IsCancellationRequested && _pool.ReadyCount > 0)
            {
                var before = _pool.ReadyCount;
                Guarded(() => AuthorDevBlock(TimeSpan.FromSeconds(2)));
                if (_pool.ReadyCount >= before)
                {
                    break;
                }
            }
        }
    }

    private ImportResult? AuthorDevBlock(TimeSpan budget)
    {
        var slot = _author.NextDevSlot(NowMs);
        return _author.TryAuthor(slot, slot * SlotMs, budget, _finalize);
    }

    public Hash256 CreateBlock(bool createEmpty, bool finalize, Hash256? parentHash)
    {
        if (parentHash is { } p && p != _client.Best.Hash)
        {
            throw new InvalidOperationException("building on a parent other than the best block is not supported");
        }

        if (!createEmpty && _pool.ReadyCount == 0)
        {
            throw new InvalidOperationException("no transactions to include and createEmpty is false");
        }

        var slot = _author.NextDevSlot(NowMs);
        var result = _author.TryAuthor(slot, slot * SlotMs, TimeSpan.FromSeconds(5), finalize || _finalize)
            ?? throw new InvalidOperationException("this node holds no key for the slot");
        return result.IsImported ? result.Hash : throw new InvalidOperationException(result.Reason ?? "block import failed");
    }

    public bool FinalizeBlock(Hash256 hash)
    {
        _client.Finalize(hash);
        return true;
    }

    private static void Guarded(Func<ImportResult?> author)
    {
        try
        {
            author();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Error(e, "Block authoring failed");
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
        _wake.Dispose();
    }
}
