using System.Security.Cryptography;
using Subtensor.Network.Identity;
using Subtensor.Network.Kademlia;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Tests.Kademlia;

public sealed class KademliaTests
{
    [Fact]
    public void Find_node_request_matches_hand_built_bytes()
    {
        byte[] key = [1, 2, 3];
        // 08 04: type = FIND_NODE (4); 12 03 010203: key
        Assert.Equal([0x08, 0x04, 0x12, 0x03, 1, 2, 3], KadMessage.FindNode(key).Encode());
    }

    [Fact]
    public void Response_with_closer_peers_round_trips_and_matches_hand_built_bytes()
    {
        var peer = NodeKey.Generate().PeerId;
        var address = Multiaddr.Parse("/ip4/127.0.0.1/tcp/30333");
        var message = new KadMessage { Type = KadMessageType.FindNode, CloserPeers = [new KadPeer(peer, [address], KadConnectionType.Connected)] };
        var encoded = message.Encode();

        var peerBytes = peer.ToBytes();
        var addressBytes = address.ToBytes();
        var inner = new List<byte> { 0x0a, (byte)peerBytes.Length };
        inner.AddRange(peerBytes);
        inner.AddRange([0x12, (byte)addressBytes.Length]);
        inner.AddRange(addressBytes);
        inner.AddRange([0x18, 0x01]);
        var expected = new List<byte> { 0x08, 0x04, 0x42, (byte)inner.Count };
        expected.AddRange(inner);
        Assert.Equal(expected, encoded);

        var decoded = KadMessage.Decode(encoded);
        var closer = Assert.Single(decoded.CloserPeers);
        Assert.Equal(peer, closer.Id);
        Assert.Equal(address, Assert.Single(closer.Addresses));
        Assert.Equal(KadConnectionType.Connected, closer.Connection);
    }

    [Fact]
    public void Listed_peers_with_bad_ids_are_dropped_and_unknown_types_rejected()
    {
        // closerPeers[0].id = 2 garbage bytes
        var decoded = KadMessage.Decode([0x08, 0x04, 0x42, 0x04, 0x0a, 0x02, 0xFF, 0xFF]);
        Assert.Empty(decoded.CloserPeers);
        Assert.Throws<Libp2pProtocolException>(() => KadMessage.Decode([0x08, 0x09]));
        Assert.Throws<Libp2pProtocolException>(() => KadMessage.Decode([0x12, 0x05, 1]));
    }

    [Fact]
    public void Bucket_index_is_the_highest_differing_bit()
    {
        var a = new byte[32];
        var b = new byte[32];
        Assert.Equal(-1, KBucketsTable.BucketIndex(a, b));
        b[31] = 1;
        Assert.Equal(0, KBucketsTable.BucketIndex(a, b));
        b[31] = 0x80;
        Assert.Equal(7, KBucketsTable.BucketIndex(a, b));
        b[0] = 0x01;
        Assert.Equal(248, KBucketsTable.BucketIndex(a, b));
        b[0] = 0x80;
        Assert.Equal(255, KBucketsTable.BucketIndex(a, b));
    }

    [Fact]
    public void Closest_orders_by_xor_distance_of_sha256_keys()
    {
        var table = new KBucketsTable(NodeKey.Generate().PeerId);
        var address = Multiaddr.Parse("/ip4/127.0.0.1/tcp/1");
        var peers = Enumerable.Range(0, 30).Select(_ => NodeKey.Generate().PeerId).ToList();
        foreach (var peer in peers)
        {
            table.AddOrUpdate(peer, [address], connected: false);
        }

        var target = RandomNumberGenerator.GetBytes(32);
        var closest = table.Closest(target, 5);
        Assert.Equal(5, closest.Count);

        // Independent check: brute-force XOR distances as big-endian numbers.
        var expected = table.All().Select(p => p.Id)
            .OrderBy(p => new System.Numerics.BigInteger(Xor(SHA256.HashData(p.Bytes), target), isUnsigned: true, isBigEndian: true))
            .Take(5);
        Assert.Equal(expected, closest.Select(p => p.Id));
    }

    [Fact]
    public void A_full_bucket_keeps_connected_peers_and_replaces_a_disconnected_one()
    {
        var local = NodeKey.Generate().PeerId;
        var table = new KBucketsTable(local);
        var localKey = KBucketsTable.KeyOf(local.Bytes);
        var address = Multiaddr.Parse("/ip4/127.0.0.1/tcp/1");

        // Half of all peer ids fall in bucket 255; fill it with connected peers.
        var sameBucket = new List<PeerId>();
        while (sameBucket.Count < KBucketsTable.K + 2)
        {
            var peer = NodeKey.Generate().PeerId;
            if (KBucketsTable.BucketIndex(localKey, KBucketsTable.KeyOf(peer.Bytes)) == 255)
            {
                sameBucket.Add(peer);
            }
        }

        for (var i = 0; i < KBucketsTable.K; i++)
        {
            Assert.True(table.AddOrUpdate(sameBucket[i], [address], connected: true));
        }

        Assert.False(table.AddOrUpdate(sameBucket[KBucketsTable.K], [address], connected: true));
        table.SetConnected(sameBucket[3], false);
        Assert.True(table.AddOrUpdate(sameBucket[KBucketsTable.K + 1], [address], connected: true));
        Assert.False(table.Contains(sameBucket[3]));
        Assert.False(table.AddOrUpdate(local, [address], connected: true));
    }

    private static byte[] Xor(byte[] a, byte[] b) => [.. a.Zip(b, (x, y) => (byte)(x ^ y))];
}
