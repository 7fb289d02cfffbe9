using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Compression;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Tests.Wasm;

public class RuntimeBlobTests
{
    [Fact]
    public void Minimal_code_has_the_documented_bytes()
    {
        var version = new RuntimeVersion { SpecName = "t", ImplName = "i", SpecVersion = 2, Apis = [new RuntimeApi(0x0102030405060708, 4)], SystemVersion = 1 };
        var code = MinimalRuntimeCode.Build(version, memoryMinPages: 1, heapBase: 65536);
        var expected = "0061736d" + "01000000"
            + "02" + "0f" + "01" + "03656e76" + "066d656d6f7279" + "02" + "00" + "01"     // import env.memory, min 1
            + "06" + "08" + "01" + "7f" + "00" + "41" + "808004" + "0b"                   // global i32 const 65536
            + "07" + "0f" + "01" + "0b5f5f686561705f62617365" + "03" + "00"               // export __heap_base
            + "00" + "26" + "0f72756e74696d655f76657273696f6e"                               // custom runtime_version
            + "0474" + "0469" + "00000000" + "02000000" + "00000000" + "00" + "01000000" + "01"
            + "00" + "19" + "0c72756e74696d655f61706973" + "0102030405060708" + "04000000"; // custom runtime_apis
        Assert.Equal("0x" + expected, Hex.ToHex(code));
    }

    [Fact]
    public void Embedded_version_round_trips()
    {
        var version = SpecJson.Version(1) with { Apis = [RuntimeApi.Of("Core", 5), RuntimeApi.Of("BlockBuilder", 6)], TransactionVersion = 3 };
        var blob = RuntimeBlob.UncompressIfNeeded(MinimalRuntimeCode.Build(version));
        Assert.Equal(version, blob.ReadEmbeddedVersion());
        Assert.NotNull(blob.CustomSection("runtime_apis"));
        Assert.Null(blob.CustomSection("nothing"));
    }

    [Fact]
    public void Core_version_3_runtimes_have_no_system_version()
    {
        var version = SpecJson.Version(1, coreVersion: 3) with { TransactionVersion = 9 };
        var writer = new ScaleWriter();
        (version with { Apis = [] }).EncodeTo(writer, 3);
        var apis = new ScaleWriter();
        RuntimeVersion.WriteApi(apis, version.Apis[0]);
        var read = RuntimeBlob.UncompressIfNeeded(Module(("runtime_version", writer.ToArray()), ("runtime_apis", apis.ToArray()))).ReadEmbeddedVersion()!;
        Assert.Equal(9u, read.TransactionVersion);
        Assert.Equal(0, read.SystemVersion);
        Assert.Equal(0, read.StateVersion);
    }

    [Fact]
    public void Without_runtime_apis_the_version_reads_as_legacy()
    {
        var full = Scale.Encode(SpecJson.Version(1) with { Apis = [] });
        var read = RuntimeBlob.UncompressIfNeeded(Module(("runtime_version", full))).ReadEmbeddedVersion()!;
        Assert.Equal(0, read.SystemVersion);
        Assert.Null(RuntimeBlob.UncompressIfNeeded(Module(("other", [1]))).ReadEmbeddedVersion());
    }

    [Fact]
    public void First_section_of_a_name_counts()
    {
        var first = Scale.Encode(SpecJson.Version(0) with { SpecName = "first", Apis = [] });
        var second = Scale.Encode(SpecJson.Version(0) with { SpecName = "second", Apis = [] });
        var blob = RuntimeBlob.UncompressIfNeeded(Module(("runtime_version", first), ("runtime_version", second)));
        Assert.Equal("first", blob.ReadEmbeddedVersion()!.SpecName);
    }

    [Fact]
    public void Compressed_code_is_read_through_the_zstd_prefix()
    {
        var code = MinimalRuntimeCode.Build(SpecJson.Version(1));
        byte[] frame = [0x28, 0xb5, 0x2f, 0xfd, 0xa0, .. BitConverter.GetBytes((uint)code.Length), (byte)((code.Length << 3) | 1), (byte)(code.Length >> 5), (byte)(code.Length >> 13), .. code];
        var blob = RuntimeBlob.UncompressIfNeeded([.. MaybeCompressedBlob.ZstdPrefix, .. frame]);
        Assert.Equal(code, blob.Code);
        Assert.Equal(1, blob.ReadEmbeddedVersion()!.SystemVersion);
    }

    [Theory]
    [InlineData("0x0061736d01000000" + "00", "truncated")]
    [InlineData("0x0061736d01000000" + "0105", "overruns")]
    [InlineData("0x0061736d01000000" + "000309aabb", "overruns its section")]
    [InlineData("0x0061736d02000000", "not a WASM module")]
    public void Malformed_modules_are_rejected(string hex, string reason)
    {
        var e = Assert.Throws<InvalidRuntimeCodeException>(() => RuntimeBlob.UncompressIfNeeded(Hex.Parse(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clipped_api_entries_are_rejected()
    {
        var version = Scale.Encode(SpecJson.Version(1) with { Apis = [] });
        var blob = RuntimeBlob.UncompressIfNeeded(Module(("runtime_version", version), ("runtime_apis", [1, 2, 3, 4, 5])));
        var e = Assert.Throws<InvalidRuntimeCodeException>(() => blob.ReadEmbeddedVersion());
        Assert.Contains("clipped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_version_section_is_rejected()
    {
        var blob = RuntimeBlob.UncompressIfNeeded(Module(("runtime_version", [0x08, 0x61])));
        Assert.Throws<InvalidRuntimeCodeException>(() => blob.ReadEmbeddedVersion());
    }

    // A module of custom sections only (enough for section indexing): header, then (0, size, name, payload) each.
    private static byte[] Module(params (string Name, byte[] Payload)[] sections)
    {
        var bytes = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 };
        foreach (var (name, payload) in sections)
        {
            var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
            var size = 1 + nameBytes.Length + payload.Length;
            Assert.True(size < 128);
            bytes.AddRange([0x00, (byte)size, (byte)nameBytes.Length, .. nameBytes, .. payload]);
        }

        return [.. bytes];
    }
}
