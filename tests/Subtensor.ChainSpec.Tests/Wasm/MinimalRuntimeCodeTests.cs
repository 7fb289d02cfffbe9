using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.TestSupport.Wasm;

namespace Subtensor.ChainSpec.Tests.Wasm;

public class MinimalRuntimeCodeTests
{
    private static readonly byte[] KeyA = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = [0xaa, 0xbb, 0x3a];

    // A storage value for an entry point, an absent-key result, and a constant.
    private static readonly RuntimeEntryPoint[] Entries =
    [
        RuntimeEntryPoint.StorageValue("Api_list", KeyA, [0x00]),
        RuntimeEntryPoint.Constant("Api_constant", [0xe0, 0x2e, 0, 0, 0, 0, 0, 0]),
        RuntimeEntryPoint.StorageValue("Api_counter", KeyB, new byte[8]),
    ];

    [Fact]
    public void Without_entry_points_the_module_only_announces_a_version()
    {
        var module = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1)));
        Assert.Equal([2, 6, 7, 0, 0], module.SectionIds);
        Assert.Empty(module.FunctionImports);
        Assert.Equal(["__heap_base"], module.Exports.Keys);
    }

    [Fact]
    public void Module_with_entry_points_parses_and_declares_exactly_what_it_uses()
    {
        var version = SpecJson.Version(1) with { Apis = [RuntimeApi.Of("Core", 5), RuntimeApi.Of("AuraApi", 1)] };
        var code = MinimalRuntimeCode.Build(version, Entries);
        var module = WasmTestModule.Parse(code);

        Assert.Equal([1, 2, 3, 6, 7, 10, 11, 0, 0], module.SectionIds);
        Assert.Equal(["runtime_version", "runtime_apis"], module.CustomSections);
        Assert.Equal(("env", "memory", 1u, (uint?)null), module.MemoryImport);
        var import = Assert.Single(module.FunctionImports);
        Assert.Equal(("env", "ext_storage_get_version_1"), (import.Module, import.Name));
        Assert.Equal("(i64)->i64", module.Types[(int)import.Type]);
        Assert.Equal(["__heap_base", "Api_list", "Api_constant", "Api_counter"], module.Exports.Keys);
        foreach (var entry in Entries)
        {
            var (kind, index) = module.Exports[entry.Name];
            Assert.Equal(0, kind);
            Assert.Equal("(i32,i32)->i64", module.TypeOfFunction(index));
        }

        var heapBase = module.Globals[(int)module.Exports["__heap_base"].Index];
        Assert.Equal((0x7f, false, 65536L), heapBase);
        var (offset, bytes) = Assert.Single(module.Data);
        Assert.True(offset > 0 && offset + bytes.Length <= heapBase.Value);
        Assert.Equal(version, RuntimeBlob.UncompressIfNeeded(code).ReadEmbeddedVersion());
    }

    [Fact]
    public void Constant_entry_points_import_no_host_function()
    {
        var module = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), [Entries[1]]));
        Assert.Empty(module.FunctionImports);
        Assert.Equal(["(i32,i32)->i64"], module.Types);
        var instance = WasmTestInstance.WithStorage(module, _ => throw new InvalidOperationException("no storage read expected"));
        Assert.Equal(Entries[1].Value.ToArray(), instance.CallRuntime("Api_constant", [], 70000));
    }

    [Fact]
    public void Absent_keys_give_the_declared_result_and_constants_read_nothing()
    {
        var instance = Instance(new Dictionary<string, byte[]>());
        Assert.Equal([0x00], instance.CallRuntime("Api_list", [], 70000));
        Assert.Equal(new byte[8], instance.CallRuntime("Api_counter", [], 70000));
        Assert.Equal([0xe0, 0x2e, 0, 0, 0, 0, 0, 0], instance.CallRuntime("Api_constant", [1, 2, 3], 70000));
        Assert.Equal([Convert.ToHexString(KeyA), Convert.ToHexString(KeyB)], instance.StorageReads.Select(Convert.ToHexString));
    }

    // Lengths straddling the SCALE compact modes of the host's length prefix: 1 byte below 64, 2 below 2^14, 4 above.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1281)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(100_000)]
    public void Stored_values_are_returned_as_stored(int length)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + length)).ToArray();
        var other = new byte[] { 9, 8, 7, 6, 5, 4, 3, 2 };
        var instance = Instance(new Dictionary<string, byte[]> { [Convert.ToHexString(KeyA)] = value, [Convert.ToHexString(KeyB)] = other });
        Assert.Equal(value, instance.CallRuntime("Api_list", [], 70000));
        Assert.Equal(other, instance.CallRuntime("Api_counter", [], 70000));
    }

    [Fact]
    public void Big_integer_length_prefixes_are_skipped()
    {
        // A host answer with the compact length in big-integer mode (0x03 = 4 bytes follow): Some ‖ 03 ‖ u32 ‖ value.
        var module = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), Entries));
        var instance = new WasmTestInstance(module, 1 << 20, (self, name, args) =>
        {
            byte[] answer = [1, 0x03, 3, 0, 0, 0, 0xca, 0xfe, 0x42];
            answer.CopyTo(self.Memory, 80000);
            return WasmTestInstance.PointerSize(80000, answer.Length);
        });
        Assert.Equal([0xca, 0xfe, 0x42], instance.CallRuntime("Api_list", [], 70000));
    }

    [Fact]
    public void A_host_answer_shorter_than_its_length_prefix_traps()
    {
        var module = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), Entries));
        var instance = new WasmTestInstance(module, 1 << 20, (self, name, args) =>
        {
            byte[] answer = [1, 0x01]; // Some, then the first byte of a 2-byte compact and nothing more
            answer.CopyTo(self.Memory, 80000);
            return WasmTestInstance.PointerSize(80000, answer.Length);
        });
        var e = Assert.Throws<InvalidOperationException>(() => instance.CallRuntime("Api_list", [], 70000));
        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_bytes_are_stored_once()
    {
        var single = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), [Entries[0]])).Data[0].Bytes;
        var twice = WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), [Entries[0], RuntimeEntryPoint.StorageValue("Api_again", KeyA, [0x00])])).Data[0].Bytes;
        Assert.Equal(KeyA.Length + 1, single.Length);
        Assert.Equal(single, twice);
    }

    [Fact]
    public void Bad_entry_point_lists_are_refused()
    {
        var version = SpecJson.Version(1);
        Assert.Throws<ArgumentException>(() => MinimalRuntimeCode.Build(version, [Entries[0], RuntimeEntryPoint.Constant("Api_list", [1])]));
        Assert.Throws<ArgumentException>(() => MinimalRuntimeCode.Build(version, [RuntimeEntryPoint.Constant("__heap_base", [1])]));
        Assert.Throws<ArgumentException>(() => RuntimeEntryPoint.Constant("", [1]));
        Assert.Throws<ArgumentException>(() => MinimalRuntimeCode.Build(version, [RuntimeEntryPoint.Constant("Big", new byte[70000])]));
        Assert.Throws<ArgumentException>(() => MinimalRuntimeCode.Build(version, Entries, memoryMinPages: 1, heapBase: 32));
    }

    private static WasmTestInstance Instance(Dictionary<string, byte[]> storage) =>
        WasmTestInstance.WithStorage(WasmTestModule.Parse(MinimalRuntimeCode.Build(SpecJson.Version(1), Entries)), key => storage.GetValueOrDefault(Convert.ToHexString(key)));
}
