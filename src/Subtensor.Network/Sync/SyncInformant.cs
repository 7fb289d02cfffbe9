using Serilog;

namespace Subtensor.Network.Sync;

/// <summary>
/// The periodic console line of sc-informant: "⚙️  Syncing 123.4 bps, target=#N (P peers), best: #B (hash), finalized #F (hash)" while
/// major-syncing, "💤 Idle (P peers), best: …" otherwise. Blocks per second come from the best number's progress since the last line.
/// </summary>
public sealed class SyncInformant
{
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private uint? _lastBest;
    private DateTimeOffset _lastAt;

    public SyncInformant(ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _log = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Logs one line and returns it (rendered), for tests and the node's own console.</summary>
    public string Report(ChainInfo info, SyncState state, bool isMajorSyncing, int peers)
    {
        var now = _time.GetUtcNow();
        var bps = 0m;
        if (_lastBest is { } last && now > _lastAt && info.BestNumber >= last)
        {
            bps = decimal.Round((info.BestNumber - last) / (decimal)(now - _lastAt).TotalSeconds, 1);
        }

        _lastBest = info.BestNumber;
        _lastAt = now;
        var best = $"best: #{info.BestNumber} ({Short(info.BestHash.ToString())}), finalized #{info.FinalizedNumber} ({Short(info.FinalizedHash.ToString())})";
        string line;
        if (isMajorSyncing)
        {
            line = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"⚙️  Syncing {bps:0.0} bps, target=#{state.HighestBlock} ({peers} peers), {best}");
            _log.Information("⚙️  Syncing {Bps:0.0} bps, target=#{Target} ({Peers} peers), best: #{Best} ({BestHash}), finalized #{Finalized} ({FinalizedHash})",
                bps, state.HighestBlock, peers, info.BestNumber, Short(info.BestHash.ToString()), info.FinalizedNumber, Short(info.FinalizedHash.ToString()));
        }
        else
        {
            line = $"💤 Idle ({peers} peers), {best}";
            _log.Information("💤 Idle ({Peers} peers), best: #{Best} ({BestHash}), finalized #{Finalized} ({FinalizedHash})",
                peers, info.BestNumber, Short(info.BestHash.ToString()), info.FinalizedNumber, Short(info.FinalizedHash.ToString()));
        }

        return line;
    }

    // sc-informant shows hashes as 0x1234…abcd.
    private static string Short(string hash) => hash.Length > 12 ? $"{hash[..6]}…{hash[^4..]}" : hash;
}
