using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Node.Finality;
using Subtensor.Node.Networking;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Tests.Networking;

/// <summary>
/// Sync's import queue over the real client: blocks of a dev chain (authority Alice for Aura and GRANDPA) authored on one client are
/// imported into another; a GRANDPA justification finalizes its block only when it verifies, and a bad one costs the sender.
/// </summary>
public sealed class ClientImportQueueTests : IDisposable
{
    private static readonly SubtensorRuntime Runtime = new();
    private readonly ChainClient _source = Open();
    private readonly ChainClient _sink = Open();
    private readonly List<(PeerId Peer, ReputationChange Change)> _reports = [];
    private readonly PeerId _peer = NodeKey.Generate().PeerId;

    public void Dispose()
    {
        _source.Dispose();
        _sink.Dispose();
    }

    private static ChainClient Open()
        => ChainClient.Open(ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(SubtensorChainSpecs.PlainSpec(Runtime, "dev"))), null, new ChainDatabaseOptions(), Runtime);

    private List<IncomingBlock> AuthorOnSource(int count)
    {
        var keystore = new LocalKeystore(null);
        keystore.InsertUri("aura", "//Alice");
        var engine = new AuraEngine(_source.SlotDurationMs(_source.GenesisHash));
        var importer = new BlockImporter(_source, engine);
        var pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(_source));
        PoolMaintenance.Attach(_source, pool);
        var author = new BlockAuthor(_source, importer, new BlockBuilder(_source, pool), engine, keystore);
        var slot = engine.SlotAt((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - (ulong)count - 5;
        var blocks = new List<IncomingBlock>();
        for (var i = 0; i < count; i++, slot++)
        {
            var result = author.TryAuthor(slot, slot * engine.SlotDurationMs, TimeSpan.FromSeconds(5))!;
            Assert.True(result.IsImported, result.Reason);
            blocks.Add(new IncomingBlock(HeaderSummary.Decode(_source.GetHeader(result.Hash)!.Encode()), _source.GetBody(result.Hash), null, _peer));
        }

        return blocks;
    }

    private ClientImportQueue Queue(out SealVerifier seals)
    {
        seals = new SealVerifier();
        var engine = new AuraEngine(_sink.SlotDurationMs(_sink.GenesisHash)) { SignatureCheck = seals.Check };
        var importer = new BlockImporter(_sink, engine);
        return new ClientImportQueue(_sink, importer, engine, new GrandpaFinality(_sink, importer), (p, c) => _reports.Add((p, c)), seals);
    }

    private static byte[] Justification(VoteTarget target, string signer, ulong setId = 0)
    {
        using var derived = KeyPairs.FromSuri("//" + signer, KeyScheme.Ed25519);
        var key = (Ed25519KeyPair)derived.Pair;
        var precommit = SignedVote.Sign(key, VoteKind.Precommit, target, 7, setId);
        return new GrandpaJustification(7, new GrandpaCommit(target, [precommit]), []).Encode();
    }

    private static IncomingBlock WithJustification(IncomingBlock block, byte[] justification)
        => new(block.Header, block.Body, [Network.Substrate.Justification.Grandpa(justification)], block.Origin);

    [Fact]
    public async Task Imports_a_batch_in_order_with_seals_checked_ahead()
    {
        var blocks = AuthorOnSource(12);
        var results = await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks, default);
        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal(BlockImportOutcome.Imported, r.Outcome));
        Assert.Equal(_source.Best, _sink.Best);
        Assert.Equal(0u, _sink.Finalized.Number);
        var again = await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks[..2], default);
        Assert.All(again, r => Assert.Equal(BlockImportOutcome.AlreadyKnown, r.Outcome));
    }

    [Fact]
    public async Task A_valid_justification_finalizes_its_block_and_is_stored_and_served()
    {
        var blocks = AuthorOnSource(6);
        var target = new VoteTarget(blocks[3].Hash, blocks[3].Number);
        blocks[3] = WithJustification(blocks[3], Justification(target, "Alice"));
        var results = await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks, default);
        Assert.All(results, r => Assert.Equal(BlockImportOutcome.Imported, r.Outcome));
        Assert.Equal(target.Hash, _sink.Finalized.Hash);
        var served = new ClientChainBackend(_sink).Justifications(target.Hash);
        Assert.NotNull(served);
        Assert.True(Assert.Single(served).IsGrandpa);
        Assert.Empty(_reports);
    }

    [Theory]
    [InlineData("Bob", 0ul)] // not a voter of the set
    [InlineData("Alice", 1ul)] // signed for another set id
    public async Task A_bad_justification_finalizes_nothing_and_costs_the_sender(string signer, ulong setId)
    {
        var blocks = AuthorOnSource(4);
        var target = new VoteTarget(blocks[2].Hash, blocks[2].Number);
        blocks[2] = WithJustification(blocks[2], Justification(target, signer, setId));
        var results = await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks, default);
        Assert.All(results, r => Assert.Equal(BlockImportOutcome.Imported, r.Outcome));
        Assert.Equal(0u, _sink.Finalized.Number);
        var (peer, change) = Assert.Single(_reports);
        Assert.Equal(_peer, peer);
        Assert.Equal(ReputationChange.BadJustification, change);
    }

    [Fact]
    public async Task A_justification_for_another_block_is_refused()
    {
        var blocks = AuthorOnSource(3);
        blocks[1] = WithJustification(blocks[1], Justification(new VoteTarget(blocks[2].Hash, blocks[2].Number), "Alice"));
        await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks, default);
        Assert.Equal(0u, _sink.Finalized.Number);
        Assert.Single(_reports);
    }

    [Fact]
    public async Task A_block_with_a_forged_seal_is_invalid_and_stops_the_batch()
    {
        var blocks = AuthorOnSource(5);
        var header = blocks[2].Header.Header;
        var logs = header.Digest.Logs.ToList();
        var signature = (byte[])logs[^1].Data.Clone();
        signature[0] ^= 1;
        logs[^1] = DigestItem.Seal(ConsensusEngineId.Aura, signature);
        var forged = HeaderSummary.Decode((header with { Digest = new Digest(logs) }).Encode());
        blocks[2] = new IncomingBlock(forged, blocks[2].Body, null, _peer);
        var results = await Queue(out _).ImportBlocksAsync(Network.Sync.BlockOrigin.NetworkInitialSync, blocks, default);
        Assert.Equal([BlockImportOutcome.Imported, BlockImportOutcome.Imported, BlockImportOutcome.Invalid], results.Select(r => r.Outcome));
        Assert.Equal(2u, _sink.Best.Number);
    }

    [Fact]
    public void The_justification_period_follows_substrate()
    {
        Assert.False(GrandpaFinality.JustificationRequired(0, 511));
        Assert.True(GrandpaFinality.JustificationRequired(0, 512));
        Assert.False(GrandpaFinality.JustificationRequired(0, 1001)); // sc-consensus-grandpa skips a first jump past the period
        Assert.True(GrandpaFinality.JustificationRequired(1001, 1024));
        Assert.False(GrandpaFinality.JustificationRequired(1024, 1100));
        Assert.True(GrandpaFinality.JustificationRequired(1500, 1536));
    }
}
