using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Types;

public class RuntimeVersionTests
{
    private static RuntimeVersion Sample(byte system = 1) => new()
    {
        SpecName = "node-subtensor",
        ImplName = "node-subtensor",
        AuthoringVersion = 1,
        SpecVersion = 315,
        ImplVersion = 1,
        Apis = [RuntimeApi.Of("Core", 5), RuntimeApi.Of("Metadata", 2)],
        TransactionVersion = 1,
        SystemVersion = system,
    };

    [Fact]
    public void Api_ids_match_a_recorded_finney_runtime_version()
    {
        using var doc = TestVectors.Json("bittensor_recorded_rpc_sample.json");
        var recorded = FindRuntimeVersion(doc.RootElement) ?? throw new InvalidOperationException("no state_getRuntimeVersion result recorded");
        var ids = recorded.GetProperty("apis").EnumerateArray().Select(a => a[0].GetString()!).ToHashSet();
        foreach (var name in new[] { "Core", "Metadata", "BlockBuilder", "TaggedTransactionQueue", "OffchainWorkerApi", "AuraApi", "SessionKeys", "GrandpaApi", "AccountNonceApi", "TransactionPaymentApi" })
        {
            Assert.Contains($"0x{RuntimeApi.IdOf(name):x16}", ids);
        }

        Assert.Equal(0xdf6acb689907609bUL, RuntimeVersion.CoreApiId);
    }

    private static JsonElement? FindRuntimeVersion(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("specName", out _) && element.TryGetProperty("apis", out _))
            {
                return element;
            }

            foreach (var p in element.EnumerateObject())
            {
                if (FindRuntimeVersion(p.Value) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindRuntimeVersion(item) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    [Fact]
    public void Encoding_follows_the_sp_version_layout()
    {
        var bytes = Scale.Scale.Encode(Sample());
        var expected = "0x" + "386e6f64652d73756274656e736f72" + "386e6f64652d73756274656e736f72" + "01000000" + "3b010000" + "01000000"
                       + "08" + "df6acb689907609b" + "05000000" + $"{RuntimeApi.IdOf("Metadata"):x16}" + "02000000" + "01000000" + "01";
        Assert.Equal(expected, Hex.ToHex(bytes));
        Assert.Equal(Sample(), RuntimeVersion.Decode(bytes));
    }

    [Fact]
    public void Core_version_decides_which_trailing_fields_exist()
    {
        var v3 = Sample() with { Apis = [RuntimeApi.Of("Core", 3)], SystemVersion = 0 };
        var w = new ScaleWriter();
        v3.EncodeTo(w, coreVersion: 3);
        var decoded = RuntimeVersion.Decode(w.WrittenSpan);
        Assert.Equal(1u, decoded.TransactionVersion);
        Assert.Equal(0, decoded.SystemVersion);
        Assert.Equal(v3, decoded);

        var v2 = new RuntimeVersion { SpecName = "a", ImplName = "b", TransactionVersion = 7, Apis = [RuntimeApi.Of("Core", 2)] };
        var w2 = new ScaleWriter();
        v2.EncodeTo(w2, coreVersion: 2);
        var old = RuntimeVersion.Decode(w2.WrittenSpan);
        Assert.Equal(1u, old.TransactionVersion); // absent before Core 3: defaults to 1
        Assert.Equal(0, old.StateVersion);

        // the hint wins over the apis in the encoding (custom sections carry an empty apis list)
        var sectionStyle = Sample() with { Apis = [] };
        var reader = new ScaleReader(Scale.Scale.Encode(sectionStyle));
        var hinted = RuntimeVersion.DecodeFrom(ref reader, 4);
        Assert.Equal(1, hinted.SystemVersion);
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(7, 1, 1)]
    public void State_versions_follow_system_version(byte system, byte state, byte extrinsics)
    {
        var v = Sample(system);
        Assert.Equal(state, v.StateVersion);
        Assert.Equal(extrinsics, v.ExtrinsicsRootStateVersion);
    }

    [Fact]
    public void Truncated_encoding_is_rejected()
    {
        var bytes = Scale.Scale.Encode(Sample());
        Assert.Throws<ScaleDecodeException>(() => RuntimeVersion.Decode(bytes.AsSpan(0, bytes.Length - 1)));
    }
}
