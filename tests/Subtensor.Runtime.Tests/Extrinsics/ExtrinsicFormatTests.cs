using System.Text.Json;
using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;
using Subtensor.TestSupport;

namespace Subtensor.Runtime.Tests.Extrinsics;

public class ExtrinsicFormatTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    public static TheoryData<ulong, ulong, string> EraCases()
    {
        var data = new TheoryData<ulong, ulong, string>();
        using var doc = TestVectors.Json("extrinsic_v4_example.json");
        foreach (var c in doc.RootElement.GetProperty("era_vectors_derived").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("period").GetUInt64(), c.GetProperty("current_block").GetUInt64(), c.GetProperty("encoded_hex").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EraCases))]
    public void Mortal_era_encodes_as_the_spec_vectors_and_round_trips(ulong period, ulong current, string hex)
    {
        var era = Era.Mortal(period, current);
        var w = new ScaleWriter();
        era.EncodeTo(w);
        Assert.Equal(hex, Convert.ToHexStringLower(w.WrittenSpan));
        var reader = new ScaleReader(w.WrittenSpan);
        Assert.Equal(era, Era.DecodeFrom(ref reader));
        Assert.True(era.Birth(current) <= current && current < era.Death(current));
    }

    [Fact]
    public void Immortal_era_is_one_zero_byte_and_never_dies()
    {
        var w = new ScaleWriter();
        Era.Immortal.EncodeTo(w);
        Assert.Equal([0], w.ToArray());
        Assert.Equal(0UL, Era.Immortal.Birth(1000));
        Assert.Equal(ulong.MaxValue, Era.Immortal.Death(1000));
    }

    [Fact]
    public void Vector_extrinsic_envelope_decodes_field_by_field()
    {
        // smoldot fixture: signed v4, Id address, sr25519, era 8501, nonce 48, tip 0 (call from another runtime).
        using var doc = TestVectors.Json("extrinsic_v4_example.json");
        var bytes = Hex.Parse(doc.RootElement.GetProperty("signed_extrinsic_hex").GetString()!);
        var r = new ScaleReader(bytes);
        Assert.Equal((uint)(bytes.Length - 2), r.ReadCompactU32());
        Assert.Equal(0x84, r.ReadU8());
        var address = MultiAddress.DecodeFrom(ref r);
        Assert.Equal(0, address.Variant);
        Assert.Equal(KeyScheme.Sr25519, MultiSignature.DecodeFrom(ref r).Scheme);
        var era = Era.DecodeFrom(ref r);
        Assert.Equal(new Era(64, 24), era);
        Assert.Equal(48u, r.ReadCompactU32());
        Assert.Equal(0UL, r.ReadCompactU64());
        Assert.Equal([4, 3], r.ReadBytes(2).ToArray());
    }

    [Fact]
    public void Signed_extrinsic_round_trips_and_the_payload_is_hashed_when_long()
    {
        var chain = new TestChain();
        var shortXt = Rt.DecodeExtrinsic(chain.Sign(Rt.System.Remark.Create(new byte[10]), "Alice"));
        Assert.True(shortXt.IsSigned);
        Assert.Equal(shortXt.Encoded, UncheckedExtrinsic.CreateSigned(shortXt.Call, shortXt.Address!, shortXt.Signature!, shortXt.Extra!.Value).Encoded);
        var implicitData = new ImplicitData(425, 1, chain.GenesisHash, chain.GenesisHash, null);
        // call (2 + 1 + 10) + explicit (era, nonce, tip, mode) + implicit (4 + 4 + 32 + 32 + 1)
        Assert.Equal(13 + 4 + 73, UncheckedExtrinsic.SigningPayload(shortXt.CallBytes, shortXt.Extra!.Value, implicitData).Length);
        var longCall = Rt.System.Remark.Create(new byte[300]).Encode();
        Assert.Equal(32, UncheckedExtrinsic.SigningPayload(longCall, shortXt.Extra.Value, implicitData).Length);
        // And a long remark signed by a wallet this way is accepted.
        chain.StartBlock();
        Assert.True(chain.Apply(chain.Sign(Rt.System.Remark.Create(new byte[300]), "Alice")).IsSuccess);
    }

    [Fact]
    public void Malformed_extrinsics_are_refused_with_decode_errors()
    {
        var chain = new TestChain();
        var good = chain.Sign(Rt.System.Remark.Create(new byte[3]), "Alice");
        // wrong length prefix
        var wrongLength = (byte[])good.Clone();
        wrongLength[0] += 4;
        Assert.Throws<ScaleDecodeException>(() => Rt.DecodeExtrinsic(wrongLength));
        // extrinsic version 5
        var v5 = (byte[])good.Clone();
        v5[Compact.EncodedLength((uint)(good.Length - 2))] = 0x85;
        Assert.Contains("version 5", Assert.Throws<ScaleDecodeException>(() => Rt.DecodeExtrinsic(v5)).Message);
        // unknown pallet
        var bare = UncheckedExtrinsic.Bare(Rt.System.Remark.Create(new byte[1])).Encoded;
        bare[2] = 99;
        Assert.Throws<ScaleDecodeException>(() => Rt.DecodeExtrinsic(bare));
        // trailing bytes inside the declared length
        var trailing = new byte[] { 5 << 2, 4, 0, 0, 0, 0 };
        Assert.Throws<ScaleDecodeException>(() => Rt.DecodeExtrinsic(trailing));
    }

    [Fact]
    public void Calls_nested_deeper_than_eight_do_not_decode()
    {
        var call = Rt.System.Remark.Create(new byte[1]);
        for (var i = 0; i < 8; i++)
        {
            call = Rt.Utility.Batch.Create((object)new[] { call });
        }

        Assert.Throws<ScaleDecodeException>(() => Rt.DecodeCall(call.Encode()));
        var chain = new TestChain();
        var xt = UncheckedExtrinsic.Bare(call).Encoded;
        var (_, error) = Rt.Executive.ValidateTransaction(new Subtensor.Runtime.State.OverlayedState(chain.Backend), TransactionSource.External, xt, chain.GenesisHash);
        Assert.Equal(TransactionValidityError.CallInvalid, error);
    }

    [Fact]
    public void Storage_keys_match_the_vectors()
    {
        using var doc = TestVectors.Json("storage_keys.json");
        var v = doc.RootElement.GetProperty("vectors");
        Assert.Equal(v.GetProperty("System.Account(Alice) [Blake2_128Concat]").GetString(), Hex.ToHex(Rt.System.Account.KeyFor(TestChain.Account("Alice"))));
        Assert.Equal(v.GetProperty("System.Number [plain]").GetString(), Hex.ToHex(Rt.System.Number.Key));
        Assert.Equal(v.GetProperty("System.BlockHash(0u32) [Twox64Concat]").GetString(), Hex.ToHex(Rt.System.BlockHash.KeyFor(0)));
        Assert.Equal(v.GetProperty("Timestamp.Now [plain]").GetString(), Hex.ToHex(Rt.Timestamp.Now.Key));
    }

    [Fact]
    public void Apply_extrinsic_result_encodes_as_FRAME()
    {
        Assert.Equal([0, 0], ApplyExtrinsicResult.Dispatched(null).Encode());
        Assert.Equal([0, 1, 2], ApplyExtrinsicResult.Dispatched(Framework.Dispatch.DispatchError.BadOrigin).Encode());
        Assert.Equal([0, 1, 3, 5, 2, 0, 0, 0], ApplyExtrinsicResult.Dispatched(Framework.Dispatch.DispatchError.Module(5, 2)).Encode());
        Assert.Equal([0, 1, 7, 0], ApplyExtrinsicResult.Dispatched(Framework.Dispatch.DispatchError.Token(Framework.Dispatch.TokenError.FundsUnavailable)).Encode());
        Assert.Equal([1, 0, 4], ApplyExtrinsicResult.Rejected(TransactionValidityError.BadProof).Encode());
        Assert.Equal([1, 1, 1], ApplyExtrinsicResult.Rejected(TransactionValidityError.NoUnsignedValidator).Encode());
        Assert.Equal([1, 0, 7, 9], ApplyExtrinsicResult.Rejected(TransactionValidityError.Invalid(InvalidTransaction.Custom, 9)).Encode());
    }
}
