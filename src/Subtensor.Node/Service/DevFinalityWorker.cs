using System.Collections.Concurrent;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;

namespace Subtensor.Node.Service;

/// <summary>
/// Finality for dev chains, which have no finality gadget: every best block becomes final once it is
/// <see cref="Lag"/> old. The lag keeps <c>inBlock</c> and <c>finalized</c> apart, as on a real chain, so clients
/// that wait for inclusion before finality (polkadot.js <c>signAndSend</c>) see both.
/// </summary>
internal sealed class DevFinalityWorker : IAsyncDisposable
{
    public static readonly TimeSpan Lag = TimeSpan.FromMilliseconds(250);

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
                var best = _client.Best;
                if (best.Number <= _client.Finalized.Number)
                {
                    continue;
                }

                if (!_importedAt.TryGetValue(best.Hash, out var at) || DateTime.UtcNow - at >= Lag)
                {
                    try
                    {
                        _client.Finalize(best.Hash);
                    }
                    catch (InvalidOperationException e)
                    {
                        Log.Warning("Dev finality of {Block} failed: {Reason}", best, e.Message);
                    }

                    foreach (var old in _importedAt.Where(kv => DateTime.UtcNow - kv.Value > TimeSpan.FromMinutes(1)).Select(kv => kv.Key).ToList())
                    {
                        _importedAt.TryRemove(old, out _);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
