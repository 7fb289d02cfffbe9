using Subtensor.Core.Types;
using Subtensor.Network.Sync;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Sync;

public sealed class SyncInformantTests
{
    [Fact]
    public void Progress_line_shows_speed_target_peers_best_and_finalized()
    {
        var time = new ManualTime();
        var informant = new SyncInformant(Serilog.Core.Logger.None, time);
        var best = Hash256.Parse("0x" + new string('a', 64));
        var finalized = Hash256.Parse("0x" + new string('f', 64));
        informant.Report(new ChainInfo(Hash256.Zero, best, 100, finalized, 90), new SyncState(0, 100, 1200), true, 3);
        time.Advance(TimeSpan.FromSeconds(5));
        var line = informant.Report(new ChainInfo(Hash256.Zero, best, 350, finalized, 90), new SyncState(0, 350, 1200), true, 3);
        Assert.Equal("⚙️  Syncing 50.0 bps, target=#1200 (3 peers), best: #350 (0xaaaa…aaaa), finalized #90 (0xffff…ffff)", line);

        time.Advance(TimeSpan.FromSeconds(5));
        var idle = informant.Report(new ChainInfo(Hash256.Zero, best, 1200, finalized, 1190), new SyncState(0, 1200, 1200), false, 2);
        Assert.Equal("💤 Idle (2 peers), best: #1200 (0xaaaa…aaaa), finalized #1190 (0xffff…ffff)", idle);
    }
}
