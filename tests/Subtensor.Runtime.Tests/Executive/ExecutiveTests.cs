using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Executive;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Executive;

public class ExecutiveTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    private static Framework.RuntimeCall TransferToBob(ulong amount = 1_000_000) =>
        Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(TestChain.Account("Bob")), amount);

    private static TestChain Started()
    {
        var chain = new TestChain();
        chain.StartBlock();
        return chain;
    }

    [Fact]
    public void Bad_signature_is_refused_without_any_state_change()
    {
        var chain = Started();
        var xt = chain.Sign(TransferToBob(), "Alice");
        var sigAt = 1 + Compact.EncodedLength((uint)(xt.Length - 2)) + 33 + 1;
        xt[sigAt] ^= 0x01;
        var before = chain.State.TopChanges.Count;
        var r = chain.Apply(xt);
        Assert.Equal(TransactionValidityError.BadProof, r.Invalid);
        Assert.Equal(before, chain.State.TopChanges.Count);
        Assert.Equal(0u, Rt.System.AccountNonce(chain.State, TestChain.Account("Alice")));
    }

    [Fact]
    public void Signature_by_another_key_is_refused()
    {
        var chain = Started();
        using var bob = KeyPairs.FromSuri("//Bob", KeyScheme.Sr25519);
        var good = Rt.DecodeExtrinsic(chain.Sign(TransferToBob(), "Alice"));
        var extra = good.Extra!.Value;
        var payload = UncheckedExtrinsic.SigningPayload(good.CallBytes, extra,
            new ImplicitData(Rt.Version.SpecVersion, 1, chain.GenesisHash, chain.GenesisHash, null));
        var forged = UncheckedExtrinsic.CreateSigned(good.Call, good.Address!, new MultiSignature(KeyScheme.Sr25519, bob.Pair.Sign(payload)), extra);
        Assert.Equal(TransactionValidityError.BadProof, chain.Apply(forged.Encoded).Invalid);
    }

    [Fact]
    public void Wrong_genesis_hash_or_spec_version_fails_the_signature_check()
    {
        var chain = Started();
        Assert.Equal(TransactionValidityError.BadProof, chain.Apply(chain.Sign(TransferToBob(), "Alice", genesis: Hash256.Blake2([1]))).Invalid);
        Assert.Equal(TransactionValidityError.BadProof, chain.Apply(chain.Sign(TransferToBob(), "Alice", specVersion: Rt.Version.SpecVersion - 1)).Invalid);
        Assert.True(chain.Apply(chain.Sign(TransferToBob(), "Alice")).IsSuccess);
    }

    [Fact]
    public void Stale_and_future_nonces_are_refused()
    {
        var chain = Started();
        Assert.True(chain.Apply(chain.Sign(TransferToBob(), "Alice", nonce: 0)).IsSuccess);
        Assert.Equal(TransactionValidityError.Stale, chain.Apply(chain.Sign(TransferToBob(), "Alice", nonce: 0)).Invalid);
        Assert.Equal(TransactionValidityError.Future, chain.Apply(chain.Sign(TransferToBob(), "Alice", nonce: 5)).Invalid);
        Assert.True(chain.Apply(chain.Sign(TransferToBob(), "Alice", nonce: 1)).IsSuccess);
        Assert.Equal(2u, Rt.System.AccountNonce(chain.State, TestChain.Account("Alice")));
    }

    [Fact]
    public void Expired_era_is_refused()
    {
        var chain = new TestChain();
        for (var i = 0; i < 5; i++)
        {
            chain.StartBlock();
            chain.FinishBlock();
        }

        // Signed at block 1 with a 4-block era: birth 1, death 5.
        chain.StartBlock(); // block 6
        var era = new Era(4, 1);
        var signedAtOne = chain.Sign(TransferToBob(), "Alice", era: era, birthHash: Rt.System.BlockHash.Get(chain.State, 1));
        Assert.Equal(TransactionValidityError.BadProof, chain.Apply(signedAtOne).Invalid);
        // The same era signed against the current birth block (5) is fine.
        var current = chain.Sign(TransferToBob(), "Alice", era: era, birthHash: Rt.System.BlockHash.Get(chain.State, 5));
        Assert.True(chain.Apply(current).IsSuccess);
    }

    [Fact]
    public void Era_whose_birth_block_is_unknown_is_ancient()
    {
        var chain = Started(); // block 1: only BlockHash[0] is known
        var r = chain.Apply(chain.Sign(TransferToBob(), "Alice", era: new Era(64, 1), birthHash: Hash256.Zero));
        Assert.Equal(TransactionValidityError.AncientBirthBlock, r.Invalid);
    }

    [Fact]
    public void Over_weight_block_refuses_the_next_transaction()
    {
        var chain = Started();
        var limits = Rt.System.BlockWeights;
        // Fill the normal class to its limit.
        Rt.System.RegisterExtraWeightUnchecked(chain.State, limits.Normal.MaxTotal!.Value, DispatchClass.Normal);
        Assert.Equal(TransactionValidityError.ExhaustsResources, chain.Apply(chain.Sign(TransferToBob(), "Alice")).Invalid);
    }

    [Fact]
    public void Extrinsic_heavier_than_the_class_limit_is_refused()
    {
        var chain = Started();
        var heavy = Rt.Sudo.DeclaredCalls.Single(c => c.Name == "sudo_unchecked_weight")
            .Create(Rt.System.Remark.Create(Array.Empty<byte>()), Weight.FromRefTime(3 * Weight.RefTimePerSecond));
        Assert.Equal(TransactionValidityError.ExhaustsResources, chain.Apply(chain.Sign(heavy, "Alice")).Invalid);
    }

    [Fact]
    public void Failed_dispatch_keeps_fee_and_nonce_and_records_extrinsic_failed()
    {
        var chain = Started();
        // Charlie is neither root nor the block author (Alice), so the fee he pays leaves his balance for good.
        var charlieBefore = chain.Free("Charlie");
        var call = Rt.Balances.ForceSetBalance.Create(MultiAddress.FromId(TestChain.Account("Bob")), 1UL);
        var r = chain.Apply(chain.Sign(call, "Charlie"));
        Assert.True(r.IsIncluded);
        Assert.Equal(DispatchError.BadOrigin, r.DispatchError);
        Assert.Equal(1u, Rt.System.AccountNonce(chain.State, TestChain.Account("Charlie")));
        Assert.True(chain.Free("Charlie") < charlieBefore);
        var failed = chain.Events().Single(e => e.Name == "System.ExtrinsicFailed");
        Assert.Equal(DispatchError.BadOrigin, failed.Field<DispatchError>("dispatch_error"));
    }

    [Fact]
    public void Fee_and_tip_go_to_the_block_author()
    {
        var chain = Started();
        var author = Rt.Aura.CurrentAuthor(chain.State)!.Value;
        Assert.Equal(TestChain.Account("Alice"), author);
        var authorBefore = Rt.Balances.FreeBalance(chain.State, author);
        var issuance = Rt.Balances.TotalIssuance.Get(chain.State);
        var xt = chain.Sign(TransferToBob(), "Charlie", tip: 777);
        var len = (uint)xt.Length;
        var info = SubtensorTransactionExtensions.InfoOf(Rt.DecodeExtrinsic(xt));
        var expectedFee = Rt.TransactionPayment.ComputeFee(chain.State, len, info, 777);
        Assert.True(chain.Apply(xt).IsSuccess);
        Assert.Equal(authorBefore + expectedFee, Rt.Balances.FreeBalance(chain.State, author));
        Assert.Equal(issuance, Rt.Balances.TotalIssuance.Get(chain.State));
        var paid = chain.Events().Single(e => e.Name == "TransactionPayment.TransactionFeePaid");
        Assert.Equal(expectedFee, paid.Field<ulong>("actual_fee"));
        Assert.Equal(777UL, paid.Field<ulong>("tip"));
    }

    [Fact]
    public void Account_without_funds_cannot_pay()
    {
        var chain = Started();
        var r = chain.Apply(chain.Sign(Rt.System.Remark.Create(new byte[] { 1 }), "Nobody"));
        Assert.Equal(TransactionValidityError.Payment, r.Invalid);
    }

    [Fact]
    public void Metadata_hash_mode_enabled_signs_the_runtime_metadata_hash()
    {
        var chain = Started();
        Assert.True(chain.Apply(chain.Sign(TransferToBob(), "Alice", metadataHash: true)).IsSuccess);
        // Signed as if the hash were absent: the implicit data differ.
        var xt = Rt.DecodeExtrinsic(chain.Sign(TransferToBob(), "Alice", metadataHash: false));
        var flipped = UncheckedExtrinsic.CreateSigned(xt.Call, xt.Address!, xt.Signature!, xt.Extra!.Value with { MetadataHashEnabled = true });
        Assert.Equal(TransactionValidityError.BadProof, chain.Apply(flipped.Encoded).Invalid);
    }

    [Fact]
    public void Invalid_metadata_hash_mode_byte_does_not_decode()
    {
        var chain = Started();
        var xt = chain.Sign(TransferToBob(), "Alice");
        var decoded = Rt.DecodeExtrinsic(xt);
        // mode byte sits right before the call
        var modeAt = xt.Length - decoded.CallBytes.Length - 1;
        xt[modeAt] = 2;
        Assert.Throws<ScaleDecodeException>(() => chain.Apply(xt));
    }

    [Fact]
    public void Built_block_imports_on_the_parent_state_and_a_wrong_root_is_refused()
    {
        var chain = new TestChain();
        var parentBackend = new InMemoryStateBackend(chain.Backend.Entries);
        chain.StartBlock();
        Assert.True(chain.Apply(chain.Sign(TransferToBob(), "Alice")).IsSuccess);
        chain.FinishBlock();
        var block = chain.LastBlock!;
        Rt.Executive.ExecuteBlock(new OverlayedState(parentBackend), block);

        var tampered = block with { Header = block.Header with { StateRoot = Hash256.Blake2([9]) } };
        var e = Assert.Throws<RuntimePanicException>(() => Rt.Executive.ExecuteBlock(new OverlayedState(parentBackend), tampered));
        Assert.Contains("Storage root", e.Message);
        var badXtRoot = block with { Header = block.Header with { ExtrinsicsRoot = Hash256.Blake2([9]) } };
        Assert.Contains("trie root", Assert.Throws<RuntimePanicException>(() => Rt.Executive.ExecuteBlock(new OverlayedState(parentBackend), badXtRoot)).Message);
    }

    [Fact]
    public void Block_without_timestamp_cannot_be_finalized()
    {
        var chain = new TestChain();
        var state = new OverlayedState(chain.Backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(5UL))]);
        Rt.Executive.InitializeBlock(state, new Header(chain.GenesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        Assert.Throws<RuntimePanicException>(() => Rt.Executive.FinalizeBlock(state));
    }

    [Fact]
    public void Timestamp_outside_the_announced_slot_is_refused()
    {
        var chain = new TestChain();
        var state = new OverlayedState(chain.Backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(5UL))]);
        Rt.Executive.InitializeBlock(state, new Header(chain.GenesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        var wrongSlot = UncheckedExtrinsic.Bare(Rt.Timestamp.Set.Create(6 * 12_000UL));
        Assert.Throws<RuntimePanicException>(() => Rt.Executive.ApplyExtrinsic(state, wrongSlot.Encoded));
    }

    [Fact]
    public void Finalized_header_carries_roots_digest_and_events_of_the_block()
    {
        var chain = Started();
        chain.Apply(chain.Sign(TransferToBob(), "Alice"));
        var included = chain.Included.ToList();
        var state = chain.State;
        var header = Rt.Executive.FinalizeBlock(state);
        Assert.Equal(Subtensor.Trie.TrieRootBuilder.OrderedRoot(included, Subtensor.Trie.TrieLayout.V0), header.ExtrinsicsRoot);
        Assert.Equal(state.Root(StateVersion.V1), header.StateRoot);
        Assert.Equal(chain.GenesisHash, header.ParentHash);
        Assert.Single(header.Digest.Logs);
        Assert.Equal(1u, header.Number);
        // Per-block items are gone; events stay readable until the next block.
        Assert.False(Rt.System.ExtrinsicCount.Exists(state));
        Assert.False(Rt.System.ExtrinsicData.Contains(state, 0));
        Assert.NotEmpty(Rt.System.ReadEvents(state));
        Assert.Equal(Phase.ApplyExtrinsic(1), Rt.System.ReadEvents(state).Last().Phase);
    }

    [Fact]
    public void Validate_transaction_reports_priority_tags_and_longevity()
    {
        var chain = new TestChain();
        var alice = TestChain.Account("Alice");
        var state = new OverlayedState(chain.Backend);
        var xt = chain.Sign(TransferToBob(), "Alice", nonce: 1, era: new Era(64, 0), birthHash: chain.GenesisHash);
        var (valid, error) = Rt.Executive.ValidateTransaction(state, TransactionSource.External, xt, chain.GenesisHash);
        Assert.Null(error);
        Assert.Equal(SubtensorTransactionExtensions.NormalPriority, valid!.Priority);
        Assert.Equal([SubtensorTransactionExtensions.NonceTag(alice, 1)], valid.Provides);
        Assert.Equal([SubtensorTransactionExtensions.NonceTag(alice, 0)], valid.Requires);
        Assert.Equal(63UL, valid.Longevity);
        Assert.True(valid.Propagate);

        var inherent = UncheckedExtrinsic.Bare(Rt.Timestamp.Set.Create(1UL)).Encoded;
        Assert.Equal(TransactionValidityError.MandatoryValidation, Rt.Executive.ValidateTransaction(new OverlayedState(chain.Backend), TransactionSource.External, inherent, chain.GenesisHash).Error);
        var bare = UncheckedExtrinsic.Bare(TransferToBob()).Encoded;
        Assert.Equal(TransactionValidityError.NoUnsignedValidator, Rt.Executive.ValidateTransaction(new OverlayedState(chain.Backend), TransactionSource.External, bare, chain.GenesisHash).Error);
    }
}
