using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>Four validators on <c>local-fast</c>: Aura in turn, GRANDPA finality, a validator killed and restarted.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed partial class FinalityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task FourValidatorsFinalizeTogether_AndAKilledValidatorCatchesUp()
    {
        await using var net = new TestNetwork(output, "finality");
        try
        {
            var alice = await net.StartAsync("alice");
            foreach (var name in TestNetwork.Validators.Skip(1))
            {
                await net.StartAsync(name, ["--bootnodes", alice.P2pAddress]);
            }

            await net.WaitUntilAsync("every validator has the 3 others as peers", Long,
                async () => (await Task.WhenAll(net.Nodes.Select(n => n.PeerCountAsync()))).All(p => p >= 3));
            var connectedAt = (await alice.BestAsync()).Number;
            await net.WaitUntilAsync($"every validator finalized #{connectedAt + 12}", Long,
                async () => (await Task.WhenAll(net.Nodes.Select(n => n.FinalizedAsync()))).All(f => f.Number >= connectedAt + 12));

            // Once connected, blocks come from all four authorities in turn (the author of slot s is authority s mod 4).
            var authors = new HashSet<ulong>();
            for (var n = connectedAt + 1; n <= connectedAt + 12; n++)
            {
                authors.Add(AuraSlot((await alice.HeaderAsync((await alice.BlockHashAsync(n))!))!) % 4);
            }

            Assert.Equal(4, authors.Count);
            await AssertSameFinalizedWithinTwoRoundsAsync(net);

            // Dave dies for 30 blocks; the other three (a supermajority) keep finalizing.
            var dave = net["dave"];
            await dave.KillAsync();
            var killedAt = (await alice.BestAsync()).Number;
            var finalizedAtKill = (await alice.FinalizedAsync()).Number;
            await net.WaitUntilAsync("30 blocks without Dave", Long, async () => (await alice.BestAsync()).Number >= killedAt + 30);
            Assert.True((await alice.FinalizedAsync()).Number > finalizedAtKill + 10, "three of four validators keep finalizing");

            await dave.RestartAsync();
            var target = (await alice.BestAsync()).Number;
            await net.WaitUntilAsync($"restarted Dave reaches #{target}", Long, async () => (await dave.BestAsync()).Number >= target);
            await net.WaitUntilAsync("Dave finalizes what Alice finalized", Long, async () =>
            {
                var a = await alice.FinalizedAsync();
                var d = await dave.FinalizedAsync();
                return d.Number >= a.Number - 2 && await dave.BlockHashAsync(a.Number - 2) == await alice.BlockHashAsync(a.Number - 2);
            });
            var sync = (await dave.RpcAsync("system_syncState"))!;
            Assert.True((uint)sync["currentBlock"]! >= target);
            Assert.True((uint)sync["highestBlock"]! >= (uint)sync["currentBlock"]!);
            Assert.False((bool)(await dave.RpcAsync("system_health"))!["isSyncing"]!);

            // Dave authors again: a block of his slot lands on the best chain after the restart.
            var from = (await alice.BestAsync()).Number;
            await net.WaitUntilAsync("Dave authors again", Long, async () =>
            {
                var best = await alice.BestAsync();
                for (var n = from + 1; n <= best.Number; n++)
                {
                    var header = (await alice.HeaderAsync((await alice.BlockHashAsync(n))!))!;
                    if (AuraSlot(header) % 4 == 3)
                    {
                        return true;
                    }
                }

                return false;
            });
            await AssertSameFinalizedWithinTwoRoundsAsync(net);
        }
        catch
        {
            net.KeepFiles();
            throw;
        }
    }

    /// <summary>
    /// Takes the block Alice finalized last and, from every validator's log, the GRANDPA round in which it finalized that block (or a
    /// descendant): all nodes must agree on the hash, and the rounds may differ by at most two.
    /// </summary>
    internal static async Task AssertSameFinalizedWithinTwoRoundsAsync(TestNetwork net)
    {
        var reference = net.Nodes[0];
        var (number, hash) = await reference.FinalizedAsync();
        await net.WaitUntilAsync($"every node finalized #{number}", Long,
            async () => (await Task.WhenAll(net.Nodes.Select(n => n.FinalizedAsync()))).All(f => f.Number >= number));
        var rounds = new List<ulong>();
        foreach (var node in net.Nodes)
        {
            Assert.Equal(hash, await node.BlockHashAsync(number));
            var round = node.Lines.Select(l => FinalizedLine().Match(l)).Where(m => m.Success && uint.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= number)
                .Select(m => ulong.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            Assert.True(round > 0, $"{node.Name} logged no GRANDPA finality of #{number} or later");
            rounds.Add(round);
        }

        Assert.True(rounds.Max() - rounds.Min() <= 2, $"#{number} finalized in rounds {string.Join(", ", rounds)}");
    }

    internal static ulong AuraSlot(System.Text.Json.Nodes.JsonNode header)
    {
        var log = Core.Types.Hex.Parse((string)header["digest"]!["logs"]![0]!);
        // PreRuntime: 6 ‖ "aura" ‖ Compact(8) ‖ slot u64 LE
        return BitConverter.ToUInt64(log, 6);
    }

    [GeneratedRegex(@"GRANDPA finalized #(\d+) .* in round (\d+) of set")]
    private static partial Regex FinalizedLine();
}
