using System.Collections.Concurrent;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;

namespace Subtensor.Node.Service;

/// <summary>
/// Finality for dev chains, which have no finality gadget: every best block becomes final once it is at least
/// <see cref="Lag"/> old. The lag keeps <c>inBlock</c> and <c>finalized</c> apart, as on a real chain, so clients
/// that wait for inclusion before finality (polkadot.js <c>signAndSend</c>) see both.
/// </summary>
internal sealed class DevFinalityWorker : IAsyncDisposable
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(1);

    private static readonly ILogger Log = Serilog.Log.ForContext<DevFinalityWorker>();
    private readonly ChainClient _client;
    private readonly ConcurrentDictionary<Hash256, DateTime> _importedAt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DevFinalityWorker(ChainClient client)
    {
        _client = client;
        _client.BlockImported += e =>
        {
            if (e.IsNewBest)
            {
                _importedAt[e.Hash] = DateTime.UtcNow;
            }
        };
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                FinalizeAged(DateTime.UtcNow - Lag);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Finalizes the newest best-chain block imported before <paramref name="cutoff"/>.</summary>
    private void FinalizeAged(DateTime cutoff)
    {
        var finalized = _client.Finalized.Number;
        var candidate = _importedAt
            .Where(kv => kv.Value <= cutoff)
            .Select(kv => _client.GetHeader(kv.Key) is { } h && h.Number > finalized && _client.GetCanonicalHash(h.Number) == kv.Key ? (kv.Key, h.Number) : ((Hash256, uint)?)null)
            .Where(c => c is not null)
            .OrderByDescending(c => c!.Value.Item2)
            .FirstOrDefault();
        if (candidate is { } c2)
        {
            try
            {
                _client.Finalize(c2.Item1);
            }
            catch (InvalidOperationException e)
            {
                Log.Warning("Dev finality of #{Number} failed: {Reason}", c2.Item2, e.Message);
            }
        }

        foreach (var old in _importedAt.Where(kv => kv.Value < cutoff && (_client.GetHeader(kv.Key)?.Number ?? 0) <= _client.Finalized.Number).Select(kv => kv.Key).ToList())
        {
            _importedAt.TryRemove(old, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
