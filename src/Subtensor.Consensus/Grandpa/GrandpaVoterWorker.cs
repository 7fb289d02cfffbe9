namespace Subtensor.Consensus.Grandpa;

/// <summary>Runs a <see cref="GrandpaVoter"/>: starts it and ticks it a few times per gossip duration until stopped.</summary>
public sealed class GrandpaVoterWorker : IAsyncDisposable
{
    private readonly GrandpaVoter _voter;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public GrandpaVoterWorker(GrandpaVoter voter, TimeSpan gossipDuration, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(voter);
        _voter = voter;
        _period = gossipDuration / 4 > TimeSpan.FromMilliseconds(1) ? gossipDuration / 4 : TimeSpan.FromMilliseconds(1);
        _time = time ?? TimeProvider.System;
    }

    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("the voter is already running");
        }

        _voter.Start();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(_period, _time);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                _voter.Tick();
            }
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
