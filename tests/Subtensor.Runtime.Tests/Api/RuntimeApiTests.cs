using System.Text;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Api;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Api;

public class RuntimeApiTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    private static byte[] Call(IStateAccess state, string method, byte[]? args = null) => Rt.Apis.Call(state, method, args ?? []);

    [Fact]
    public void Core_version_is_node_subtensor_with_Subtensor_api_ids()
    {
        var chain = new TestChain();
        var v = RuntimeVersion.Decode(Call(chain.State, "Core_version"));
        Assert.Equal("node-subtensor", v.SpecName);
        Assert.Equal("node-subtensor", v.ImplName);
        Assert.Equal(SubtensorRuntime.SpecVersion, v.SpecVersion);
        Assert.Equal(1u, v.TransactionVersion);
        Assert.Equal(1, v.SystemVersion);
        // API ids as seen in a finney state_getRuntimeVersion (vectors/bittensor_recorded_rpc_sample.json).
        var ids = v.Apis.Select(a => $"0x{a.Id:x16}:{a.Version}").ToList();
        Assert.Contains("0xdf6acb689907609b:5", ids);
        Assert.Contains("0x37e397fc7c91f5e4:2", ids);
        Assert.Contains("0x40fe3ad401f8959a:6", ids);
        Assert.Contains("0xd2bc9897eed08f15:3", ids);
        Assert.Contains("0xbc9d89904f5b923f:1", ids);
        Assert.Contains("0x37c8bb1350a9a2a8:4", ids);
        Assert.Contains("0xfbc577b9d747efd6:1", ids);
        Assert.All(Rt.Apis.Definitions, d => Assert.Contains(v.Apis, a => a.Id == d.Id && a.Version == d.Version));
    }

    [Fact]
    public void Metadata_api_returns_opaque_metadata_and_versions()
    {
        var chain = new TestChain();
        var opaque = Codecs().Bytes.DecodeAll(Call(chain.State, "Metadata_metadata"));
        Assert.Equal(Rt.MetadataV14, opaque);
        Assert.Equal([0], Call(chain.State, "Metadata_metadata_at_version", [16, 0, 0, 0]));
        Assert.Equal(Codecs().Vec(Codecs().U32).Encode([14u, 15u]), Call(chain.State, "Metadata_metadata_versions"));
    }

    [Fact]
    public void Account_nonce_and_payment_queries()
    {
        var chain = new TestChain();
        var alice = TestChain.Account("Alice");
        Assert.Equal(new byte[4], Call(chain.State, "AccountNonceApi_account_nonce", alice.ToArray()));
        var xt = chain.Sign(Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(TestChain.Account("Bob")), 10UL), "Alice", tip: 5);
        var args = new ScaleWriter().WriteBytes(xt).WriteU32((uint)xt.Length).ToArray();
        var r = new ScaleReader(Call(chain.State, "TransactionPaymentApi_query_info", args));
        var weight = Framework.Dispatch.Weight.DecodeFrom(ref r);
        var cls = r.ReadU8();
        var partialFee = r.ReadU64();
        r.EnsureAtEnd();
        var info = SubtensorTransactionExtensions.InfoOf(Rt.DecodeExtrinsic(xt));
        Assert.Equal(info.TotalWeight, weight);
        Assert.Equal(0, cls);
        Assert.Equal(Rt.TransactionPayment.ComputeFee(chain.State, (uint)xt.Length, info, 0), partialFee);
        // Fee = base (weight fee of the extrinsic base weight) + length + weight fee; no tip in partial_fee.
        var d = new ScaleReader(Call(chain.State, "TransactionPaymentApi_query_fee_details", args));
        Assert.True(d.ReadOptionTag());
        var baseFee = d.ReadU64();
        var lenFee = d.ReadU64();
        var weightFee = d.ReadU64();
        Assert.Equal(5UL, d.ReadU64());
        Assert.Equal((ulong)xt.Length, lenFee);
        Assert.Equal(108_157_000UL / 2000, baseFee);
        Assert.Equal(partialFee, baseFee + lenFee + weightFee);
        Assert.Equal(500UL, Codecs().U64.DecodeAll(Call(chain.State, "TransactionPaymentApi_query_weight_to_fee", new ScaleWriter().WriteCompact(1_000_000UL).WriteCompact(0UL).ToArray())));
        Assert.Equal(77UL, Codecs().U64.DecodeAll(Call(chain.State, "TransactionPaymentApi_query_length_to_fee", [77, 0, 0, 0])));
        var callBytes = Rt.System.Remark.Create(new byte[4]).Encode();
        var callInfo = Call(chain.State, "TransactionPaymentCallApi_query_call_info", new ScaleWriter().WriteBytes(callBytes).WriteU32(10).ToArray());
        var ci = new ScaleReader(callInfo);
        Assert.Equal(Framework.Dispatch.Weight.FromRefTime(2_119_000 + (390 * 4)), Framework.Dispatch.Weight.DecodeFrom(ref ci));
    }

    [Fact]
    public void Block_building_through_the_api()
    {
        var chain = new TestChain();
        var state = new OverlayedState(chain.Backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(10UL))]);
        var header = new Header(chain.GenesisHash, 1, Hash256.Zero, Hash256.Zero, digest);
        Assert.Equal([0], Call(state, "Core_initialize_block", header.Encode()));
        var inherentData = new ScaleWriter().WriteCompact(1u).WriteBytes("timstap0"u8).WriteByteVec(BitConverter.GetBytes(120_000UL)).ToArray();
        var inherents = Call(state, "BlockBuilder_inherent_extrinsics", inherentData);
        var reader = new ScaleReader(inherents);
        Assert.Equal(1u, reader.ReadCompactU32());
        var ts = reader.Rest.ToArray();
        Assert.Equal([0, 0], Call(state, "BlockBuilder_apply_extrinsic", ts));
        var xt = chain.Sign(Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(TestChain.Account("Bob")), 10_000UL), "Alice");
        Assert.Equal([0, 0], Call(state, "BlockBuilder_apply_extrinsic", xt));
        var finalHeader = Core.Scale.ScaleCodec.Decode<Header>(Call(state, "BlockBuilder_finalize_block"));
        Assert.Equal(1u, finalHeader.Number);

        // Import the block on the genesis state.
        var block = new Runtime.Executive.Block(finalHeader, [ts, xt]);
        Assert.Empty(Call(new OverlayedState(chain.Backend), "Core_execute_block", block.Encode()));

        // check_inherents: fine with matching data, fatal when the timestamp is too far ahead.
        var ok = Call(new OverlayedState(chain.Backend), "BlockBuilder_check_inherents", [.. block.Encode(), .. inherentData]);
        Assert.Equal([1, 0, 0], ok);
        var early = new ScaleWriter().WriteCompact(1u).WriteBytes("timstap0"u8).WriteByteVec(BitConverter.GetBytes(1_000UL)).ToArray();
        var bad = Call(new OverlayedState(chain.Backend), "BlockBuilder_check_inherents", [.. block.Encode(), .. early]);
        Assert.Equal(0, bad[0]);
        Assert.Equal(1, bad[1]);
    }

    [Fact]
    public void Validate_transaction_api_encodes_the_validity()
    {
        var chain = new TestChain();
        var xt = chain.Sign(Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(TestChain.Account("Bob")), 10_000UL), "Alice");
        var args = new ScaleWriter().WriteU8(2).WriteBytes(xt).Write(chain.GenesisHash).ToArray();
        var result = Call(new OverlayedState(chain.Backend), "TaggedTransactionQueue_validate_transaction", args);
        Assert.Equal(0, result[0]);
        var r = new ScaleReader(result.AsSpan(1));
        var valid = ValidTransaction.DecodeFrom(ref r);
        Assert.Equal(1UL, valid.Priority);
        Assert.Equal(ulong.MaxValue - 1, valid.Longevity);
        var stale = chain.Sign(Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(TestChain.Account("Bob")), 10_000UL), "Bob", nonce: 0);
        var badSig = (byte[])stale.Clone();
        badSig[^5] ^= 1;
        var refused = Call(new OverlayedState(chain.Backend), "TaggedTransactionQueue_validate_transaction", new ScaleWriter().WriteU8(2).WriteBytes(badSig).Write(chain.GenesisHash).ToArray());
        Assert.Equal([1, 0, 4], refused);
    }

    [Fact]
    public void Consensus_apis_report_genesis_authorities()
    {
        var chain = new TestChain();
        Assert.Equal(Codecs().U64.Encode(12_000UL), Call(chain.State, "AuraApi_slot_duration"));
        var aura = Call(chain.State, "AuraApi_authorities");
        Assert.Equal([.. new byte[] { 4 }, .. TestChain.Account("Alice").ToArray()], aura);
        var grandpa = Call(chain.State, "GrandpaApi_grandpa_authorities");
        Assert.Equal(1 + 32 + 8, grandpa.Length);
        Assert.Equal(new byte[8], Call(chain.State, "GrandpaApi_current_set_id"));
    }

    [Fact]
    public void Session_keys_decode_and_generate_through_the_keystore()
    {
        var chain = new TestChain();
        var keys = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var decoded = Call(chain.State, "SessionKeys_decode_session_keys", Codecs().Bytes.Encode(keys));
        var expected = new ScaleWriter().WriteU8(1).WriteCompact(2u).WriteByteVec(keys.AsSpan(0, 32)).WriteBytes("aura"u8).WriteByteVec(keys.AsSpan(32)).WriteBytes("gran"u8).ToArray();
        Assert.Equal(expected, decoded);
        Assert.Equal([0], Call(chain.State, "SessionKeys_decode_session_keys", Codecs().Bytes.Encode(new byte[10])));
        var rt = new SubtensorRuntime();
        Assert.Throws<RuntimeApiException>(() => rt.Apis.Call(chain.State, "SessionKeys_generate_session_keys", [0]));
        rt.Apis.Keystore = new FakeKeystore();
        var generated = Codecs().Bytes.DecodeAll(rt.Apis.Call(chain.State, "SessionKeys_generate_session_keys", [0]));
        Assert.Equal([.. Enumerable.Repeat((byte)1, 32), .. Enumerable.Repeat((byte)2, 32)], generated);
    }

    [Fact]
    public void Genesis_builder_api_lists_presets_and_builds_state()
    {
        var state = new OverlayedState(new InMemoryStateBackend());
        var names = Codecs().Vec(Codecs().Str).DecodeAll(Call(state, "GenesisBuilder_preset_names"));
        Assert.Contains("development", names);
        var preset = Codecs().Option(Codecs().Bytes).DecodeAll(Call(state, "GenesisBuilder_get_preset", Codecs().Option(Codecs().Str).Encode("development")));
        Assert.NotNull(preset);
        Assert.Contains("aura", Encoding.UTF8.GetString(preset));
        Assert.Equal([0], Call(state, "GenesisBuilder_get_preset", Codecs().Option(Codecs().Str).Encode("nope")));
        Assert.Equal([0], Call(state, "GenesisBuilder_build_state", Codecs().Bytes.Encode(preset)));
        Assert.Equal(TestChain.Account("Alice"), Rt.Sudo.GetKey(state));
        var refused = Call(new OverlayedState(new InMemoryStateBackend()), "GenesisBuilder_build_state", Codecs().Bytes.Encode("""{"nope":{}}"""u8.ToArray()));
        Assert.Equal(1, refused[0]);
    }

    [Fact]
    public void Unknown_method_and_bad_arguments_are_clear_errors()
    {
        var chain = new TestChain();
        Assert.Contains("not found", Assert.Throws<RuntimeApiException>(() => Call(chain.State, "Nope_nothing")).Message);
        Assert.Throws<RuntimeApiException>(() => Call(chain.State, "AccountNonceApi_account_nonce", [1, 2, 3]));
    }

    private static CodecsAccess Codecs() => default;

    private readonly struct CodecsAccess
    {
        public Framework.Codec.ScaleCodec<byte[]> Bytes => Framework.Codec.Codecs.Bytes;

        public Framework.Codec.ScaleCodec<ulong> U64 => Framework.Codec.Codecs.U64;

        public Framework.Codec.ScaleCodec<uint> U32 => Framework.Codec.Codecs.U32;

        public Framework.Codec.ScaleCodec<string> Str => Framework.Codec.Codecs.Str;

        public Framework.Codec.ScaleCodec<T[]> Vec<T>(Framework.Codec.ScaleCodec<T> c) => Framework.Codec.Codecs.Vec(c);

        public Framework.Codec.ScaleCodec<T?> Option<T>(Framework.Codec.ScaleCodec<T> c) where T : class => Framework.Codec.Codecs.Option(c);
    }

    private sealed class FakeKeystore : IRuntimeKeystore
    {
        public byte[] Sr25519Generate(string keyType, string? seed) => keyType == "aura" ? Enumerable.Repeat((byte)1, 32).ToArray() : throw new ArgumentException(keyType);

        public byte[] Ed25519Generate(string keyType, string? seed) => keyType == "gran" ? Enumerable.Repeat((byte)2, 32).ToArray() : throw new ArgumentException(keyType);
    }
}
