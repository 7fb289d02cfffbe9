using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Sync;

/// <summary>The sans-IO sync state machine, driven by hand against in-memory chains: no sockets, no clocks.</summary>
public sealed class ChainSyncTests
{
    private readonly PeerId _a = NodeKey.Generate().PeerId;
    private readonly PeerId _b = NodeKey.Generate().PeerId;

    [Fact]
    public async Task Ranges_are_spread_over_peers_and_imported_in_order()
    {
        var remote = new TestChain();
        remote.Grow(300, withBodies: true);
        var local = new TestChain();
        var sync = new ChainSync(local);
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        sync.AddPeer(_b, remote.BestHash, remote.BestNumber);

        var first = sync.NextRequests();
        Assert.Equal(2, first.Count);
        Assert.Equal([1u, 65u], first.Select(r => r.Request.FromNumber!.Value).Order());
        Assert.All(first, r => Assert.Equal(64u, r.Request.MaxBlocks));
        Assert.All(first, r => Assert.Equal(BlockRequestDirection.Ascending, r.Request.Direction));

        var rounds = await DriveAsync(sync, local, new Dictionary<PeerId, TestChain> { [_a] = remote, [_b] = remote }, seedRequests: first);
        Assert.Equal((remote.BestNumber, 0), (local.BestNumber, sync.QueuedBlocks));
        Assert.Equal(remote.BestHash, local.BestHash);
        Assert.True(rounds < 20, $"took {rounds} rounds");
        Assert.Equal(new SyncState(0, 300, 300), sync.State);
        Assert.False(sync.IsMajorSyncing);
    }

    [Fact]
    public void The_second_range_waits_for_the_first_before_import()
    {
        var remote = new TestChain();
        remote.Grow(100);
        var local = new TestChain();
        var sync = new ChainSync(local);
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        sync.AddPeer(_b, remote.BestHash, remote.BestNumber);
        var requests = sync.NextRequests();
        var second = requests.Single(r => r.Request.FromNumber == 65);
        sync.OnBlockResponse(second.Peer, second.Id, Serve(remote, second.Request));
        Assert.Empty(sync.TakeBlocksToImport(1000));
        var first = requests.Single(r => r.Request.FromNumber == 1);
        sync.OnBlockResponse(first.Peer, first.Id, Serve(remote, first.Request));
        var blocks = sync.TakeBlocksToImport(1000);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (uint)i), blocks.Select(b => b.Number));
    }

    [Fact]
    public async Task Downloads_pause_while_the_import_queue_is_full()
    {
        var remote = new TestChain();
        remote.Grow(1000);
        var local = new TestChain();
        var sync = new ChainSync(local, new ChainSyncOptions { MaxImportingBlocks = 200 });
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        for (var i = 0; i < 20; i++)
        {
            foreach (var request in sync.NextRequests())
            {
                sync.OnBlockResponse(request.Peer, request.Id, Serve(remote, request.Request));
            }
        }

        // Nothing was imported: sync stops at the first range past the limit.
        Assert.InRange(sync.QueuedBlocks, 200, 263);
        Assert.Empty(sync.NextRequests());
        var batch = sync.TakeBlocksToImport(1000);
        sync.OnBlocksProcessed(batch, await local.ImportBlocksAsync(BlockOrigin.NetworkInitialSync, batch, default));
        Assert.NotEmpty(sync.NextRequests());
    }

    [Fact]
    public void A_response_that_does_not_chain_gets_the_peer_reported_and_dropped()
    {
        var remote = new TestChain();
        remote.Grow(10);
        var local = new TestChain();
        var sync = new ChainSync(local);
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        var request = Assert.Single(sync.NextRequests());
        var good = Serve(remote, request.Request);
        var shuffled = new BlockResponse([good.Blocks[0], good.Blocks[2], good.Blocks[1]]);
        sync.OnBlockResponse(_a, request.Id, shuffled);
        var report = Assert.Single(sync.TakeReports());
        Assert.Equal(_a, report.Peer);
        Assert.True(report.Change.IsFatal);
        Assert.False(sync.HasPeer(_a));
        Assert.Empty(sync.TakeBlocksToImport(100));
    }

    [Fact]
    public void A_header_that_does_not_hash_to_its_hash_is_rejected()
    {
        var remote = new TestChain();
        remote.Grow(3);
        var local = new TestChain();
        var sync = new ChainSync(local);
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        var request = Assert.Single(sync.NextRequests());
        var good = Serve(remote, request.Request);
        var forged = new BlockResponse([new BlockData(Hash256.Blake2([1]), good.Blocks[0].Header, [], null), .. good.Blocks.Skip(1)]);
        sync.OnBlockResponse(_a, request.Id, forged);
        Assert.True(Assert.Single(sync.TakeReports()).Change.IsFatal);
    }

    [Fact]
    public async Task An_invalid_block_from_the_importer_bans_its_origin_and_sync_restarts_with_another_peer()
    {
        var honest = new TestChain();
        honest.Grow(200, withBodies: true);
        var evil = new EvilServer(honest);
        var local = new TestChain();
        var sync = new ChainSync(local);
        sync.AddPeer(_a, honest.BestHash, honest.BestNumber);
        sync.AddPeer(_b, honest.BestHash, honest.BestNumber);
        var reports = new List<PeerReport>();
        await DriveAsync(sync, local, new Dictionary<PeerId, TestChain> { [_a] = honest, [_b] = honest }, reports, (peer, request) =>
            peer == _b ? evil.Serve(request) : Serve(honest, request));
        Assert.Equal(honest.BestHash, local.BestHash);
        Assert.Contains(reports, r => r.Peer == _b && r.Change.IsFatal);
        Assert.DoesNotContain(reports, r => r.Peer == _a && r.Change.IsFatal);
    }

    [Fact]
    public async Task Announce_with_known_parent_fetches_one_block_by_hash()
    {
        var remote = new TestChain();
        remote.Grow(5);
        var local = new TestChain();
        var initial = new ChainSync(local);
        initial.AddPeer(_a, remote.BestHash, remote.BestNumber);
        await DriveAsync(initial, local, new Dictionary<PeerId, TestChain> { [_a] = remote });
        Assert.Equal(remote.BestHash, local.BestHash);

        var head = remote.Grow(1);
        var sync = new ChainSync(local);
        sync.AddPeer(_a, local.BestHash, local.BestNumber);
        Assert.Empty(sync.NextRequests());
        sync.OnBlockAnnounce(_a, HeaderSummary.Decode(remote.Header(head)!), isBest: true);
        var request = Assert.Single(sync.NextRequests());
        Assert.Equal(head, request.Request.FromHash);
        Assert.Equal(1u, request.Request.MaxBlocks);
        Assert.Equal(BlockRequestDirection.Descending, request.Request.Direction);
    }

    [Fact]
    public async Task A_longer_fork_announced_by_a_peer_is_fetched_backwards_and_imported()
    {
        var local = new TestChain();
        var common = local.Grow(40);
        local.Grow(10); // local main chain: #50
        var remote = new TestChain();
        remote.Grow(40);
        Assert.Equal(common, remote.BestHash);
        var forkHead = remote.Grow(15, salt: 7); // remote fork: #41'..#55'

        var sync = new ChainSync(local);
        sync.AddPeer(_a, remote.BestHash, remote.BestNumber);
        await DriveAsync(sync, local, new Dictionary<PeerId, TestChain> { [_a] = remote });
        Assert.Equal(forkHead, local.BestHash);
        Assert.Equal(55u, local.BestNumber);
    }

    [Fact]
    public async Task A_peer_whose_best_is_an_unknown_sibling_is_followed_backwards()
    {
        var local = new TestChain();
        local.Grow(20);
        var remote = new TestChain();
        remote.Grow(15);
        var sibling = remote.Grow(5, salt: 3); // #16'..#20', same height as ours
        var sync = new ChainSync(local);
        sync.AddPeer(_a, sibling, 20);
        var request = Assert.Single(sync.NextRequests());
        Assert.Equal(sibling, request.Request.FromHash);
        await DriveAsync(sync, local, new Dictionary<PeerId, TestChain> { [_a] = remote }, seedRequests: [request]);
        Assert.True(local.IsKnown(sibling));
    }

    private static BlockResponse Serve(TestChain chain, BlockRequest request) => new BlockRequestHandler(chain).Handle(request);

    private static async Task<int> DriveAsync(
        ChainSync sync,
        TestChain local,
        Dictionary<PeerId, TestChain> servers,
        List<PeerReport>? reports = null,
        Func<PeerId, BlockRequest, BlockResponse>? serve = null,
        IReadOnlyList<SyncRequest>? seedRequests = null)
    {
        serve ??= (peer, request) => Serve(servers[peer], request);
        var pending = new List<SyncRequest>(seedRequests ?? []);
        var rounds = 0;
        for (; rounds < 500; rounds++)
        {
            pending.AddRange(sync.NextRequests());
            var blocks = sync.TakeBlocksToImport(1000);
            if (blocks.Count > 0)
            {
                sync.OnBlocksProcessed(blocks, await local.ImportBlocksAsync(BlockOrigin.NetworkInitialSync, blocks, default));
            }

            reports?.AddRange(sync.TakeReports());
            if (pending.Count == 0 && blocks.Count == 0)
            {
                break;
            }

            var batch = pending.ToList();
            pending.Clear();
            foreach (var request in batch)
            {
                sync.OnBlockResponse(request.Peer, request.Id, serve(request.Peer, request.Request));
            }
        }

        return rounds;
    }

    /// <summary>Serves blocks whose body does not match the header's extrinsics root (the importer calls them invalid).</summary>
    private sealed class EvilServer(TestChain honest)
    {
        public BlockResponse Serve(BlockRequest request)
        {
            var good = new BlockRequestHandler(honest).Handle(request);
            return new BlockResponse([.. good.Blocks.Select(b => new BlockData(b.Hash, b.Header, [[0x04, 0x66]], null))]);
        }
    }
}
