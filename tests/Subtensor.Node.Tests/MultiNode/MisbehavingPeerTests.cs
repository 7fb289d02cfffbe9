using System.Net.Sockets;
using System.Text.RegularExpressions;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Xunit.Abstractions;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>
/// Peers that send garbage, an oversized notification or an invalid block are disconnected (and the last two banned) by a real node,
/// which keeps serving its honest peers: a validator it syncs with and a fresh peer that requests blocks.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class MisbehavingPeerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GarbageOversizedFramesAndInvalidBlocks_GetPeersBanned_WhileTheNodeKeepsServing()
    {
        await using var net = new TestNetwork(output, "misbehaving");
        try
        {
            var alice = await net.StartAsync("alice");
            var bob = await net.StartAsync("bob", ["--bootnodes", alice.P2pAddress]);
            await net.WaitUntilAsync("Alice and Bob peer and author", Long, async () => await alice.PeerCountAsync() == 1 && (await alice.BestAsync()).Number >= 4);
            var genesisHash = Hash256.Parse((await alice.BlockHashAsync(0))!);
            var genesisHeader = HeaderBytes((await alice.HeaderAsync(genesisHash.ToString()))!);
            var aliceAddress = Multiaddr.Parse(alice.P2pAddress);
            var alicePeer = aliceAddress.PeerId!;

            // 1. Garbage instead of a libp2p handshake: the connection is dropped.
            var port = int.Parse(alice.P2pAddress.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
            using (var tcp = new TcpClient())
            {
                await tcp.ConnectAsync("127.0.0.1", port);
                var stream = tcp.GetStream();
                var garbage = new byte[4096];
                new Random(7).NextBytes(garbage);
                await stream.WriteAsync(garbage);
                var closed = await ReadsToEndAsync(stream, Long);
                Assert.True(closed, "Alice closes a connection that sends garbage");
            }

            // 2. A block announce larger than the 1 MiB limit.
            await using (var oversized = await FakePeer.StartAsync(genesisHash, genesisHeader))
            {
                await oversized.Network.ConnectAsync(aliceAddress);
                await net.WaitUntilAsync("the oversized peer is a sync peer", Long, () => Task.FromResult(oversized.Network.PeerCount == 1));
                var huge = Header(genesisHash, 1, Hash256.Zero, new byte[(3 * NetworkService.MaxBlockAnnounceSize) / 2]);
                oversized.Network.AnnounceBlock(huge, isBest: true);
                await alice.WaitForLogAsync(BannedLine(oversized.Network.LocalPeerId), Long);
                await net.WaitUntilAsync("the oversized peer is disconnected", Long, () => Task.FromResult(oversized.Network.PeerCount == 0));
                await AssertCannotReconnectAsync(alice, oversized, aliceAddress);
            }

            // 3. An announced block that does not verify (no Aura seal) on top of Alice's best block.
            await using (var liar = await FakePeer.StartAsync(genesisHash, genesisHeader))
            {
                await liar.Network.ConnectAsync(aliceAddress);
                await net.WaitUntilAsync("the lying peer is a sync peer", Long, () => Task.FromResult(liar.Network.PeerCount == 1));
                var best = await alice.BestAsync();
                var bad = Header(Hash256.Parse(best.Hash), best.Number + 1, Hash256.Blake2([1, 2, 3]), []);
                liar.Chain.Add(bad, []);
                liar.Network.AnnounceBlock(bad, isBest: true);
                await alice.WaitForLogAsync(BannedLine(liar.Network.LocalPeerId), Long);
                await net.WaitUntilAsync("the lying peer is disconnected", Long, () => Task.FromResult(liar.Network.PeerCount == 0));
                Assert.Null(await alice.HeaderAsync(Hash256.Blake2(bad).ToString()));
                await AssertCannotReconnectAsync(alice, liar, aliceAddress);
            }

            // Alice still works with Bob, and a newcomer can sync blocks from her.
            var aliceBest = (await alice.BestAsync()).Number;
            await net.WaitUntilAsync("Alice and Bob keep building one chain", Long, async () =>
            {
                var b = await bob.BestAsync();
                return b.Number >= aliceBest + 4 && await alice.BlockHashAsync(b.Number - 1) == await bob.BlockHashAsync(b.Number - 1) && await alice.PeerCountAsync() == 1;
            });
            await using (var honest = await FakePeer.StartAsync(genesisHash, genesisHeader))
            {
                await honest.Network.ConnectAsync(aliceAddress);
                await net.WaitUntilAsync("a fresh peer is accepted", Long, () => Task.FromResult(honest.Network.PeerCount == 1));
                var response = await honest.Network.RequestBlocksAsync(alicePeer, BlockRequest.ByNumber(1, 8, BlockRequestDirection.Ascending, BlockAttributes.Header | BlockAttributes.Body));
                Assert.Equal(8, response.Blocks.Count);
                Assert.Equal((await alice.BlockHashAsync(8))!, response.Blocks[^1].Hash.ToString());
            }
        }
        catch
        {
            net.KeepFiles();
            throw;
        }
    }

    /// <summary>A banned peer that dials again is dropped before it becomes a sync peer.</summary>
    private static async Task AssertCannotReconnectAsync(NodeProcess node, FakePeer peer, Multiaddr address)
    {
        await peer.Network.ConnectAsync(address); // returns once the block-announce substream is refused or opened
        Assert.Equal(0, peer.Network.PeerCount);
        var peers = (await node.RpcAsync("system_peers"))!.AsArray();
        Assert.DoesNotContain(peers, p => (string)p!["peerId"]! == peer.Network.LocalPeerId.ToString());
    }

    private static Regex BannedLine(PeerId peer) => new($"Peer {Regex.Escape(peer.ToString())} banned until");

    private static async Task<bool> ReadsToEndAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true; // reset
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static byte[] HeaderBytes(System.Text.Json.Nodes.JsonNode header)
    {
        var writer = new ScaleWriter();
        writer.WriteBytes(Hex.Parse((string)header["parentHash"]!));
        writer.WriteCompact(NodeProcess.ParseNumber(header["number"]!));
        writer.WriteBytes(Hex.Parse((string)header["stateRoot"]!));
        writer.WriteBytes(Hex.Parse((string)header["extrinsicsRoot"]!));
        var logs = header["digest"]!["logs"]!.AsArray();
        writer.WriteCompact((uint)logs.Count);
        foreach (var log in logs)
        {
            writer.WriteBytes(Hex.Parse((string)log!));
        }

        return writer.ToArray();
    }

    /// <summary>A header with an <c>Other</c> digest item of <paramref name="padding"/> (none when empty).</summary>
    private static byte[] Header(Hash256 parent, uint number, Hash256 stateRoot, byte[] padding)
    {
        var digest = padding.Length == 0 ? Digest.Empty : new Digest([DigestItem.Other(padding)]);
        return new Core.Types.Header(parent, number, stateRoot, Hash256.Zero, digest).Encode();
    }

    /// <summary>An in-process peer: our network stack over a tiny in-memory chain.</summary>
    private sealed class FakePeer : IAsyncDisposable
    {
        private FakePeer(FakeChain chain, NetworkService network)
        {
            Chain = chain;
            Network = network;
        }

        public FakeChain Chain { get; }

        public NetworkService Network { get; }

        public static async Task<FakePeer> StartAsync(Hash256 genesisHash, byte[] genesisHeader)
        {
            var chain = new FakeChain(genesisHash, genesisHeader);
            var network = new NetworkService(new NetworkConfiguration
            {
                NodeKey = NodeKey.Generate(),
                GenesisHash = genesisHash,
                ProtocolId = "bittensor-fast",
                ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")],
                EnableKademlia = false,
            }, chain);
            await network.StartAsync();
            return new FakePeer(chain, network);
        }

        public ValueTask DisposeAsync() => Network.DisposeAsync();
    }

    /// <summary>Genesis plus whatever blocks a test adds; best is genesis (so announces are all the peer has to say).</summary>
    private sealed class FakeChain(Hash256 genesisHash, byte[] genesisHeader) : IChainBackend
    {
        private readonly Dictionary<Hash256, (byte[] Header, IReadOnlyList<byte[]> Body)> _blocks = new() { [genesisHash] = (genesisHeader, []) };

        public ChainInfo Info => new(genesisHash, genesisHash, 0, genesisHash, 0);

        public void Add(byte[] header, IReadOnlyList<byte[]> body)
        {
            lock (_blocks)
            {
                _blocks[Hash256.Blake2(header)] = (header, body);
            }
        }

        public bool IsKnown(Hash256 hash)
        {
            lock (_blocks)
            {
                return _blocks.ContainsKey(hash);
            }
        }

        public byte[]? Header(Hash256 hash)
        {
            lock (_blocks)
            {
                return _blocks.TryGetValue(hash, out var b) ? b.Header : null;
            }
        }

        public Hash256? CanonicalHash(uint number) => number == 0 ? genesisHash : null;

        public IReadOnlyList<byte[]>? Body(Hash256 hash)
        {
            lock (_blocks)
            {
                return _blocks.TryGetValue(hash, out var b) ? b.Body : null;
            }
        }

        public IReadOnlyList<Justification>? Justifications(Hash256 hash) => null;
    }
}
