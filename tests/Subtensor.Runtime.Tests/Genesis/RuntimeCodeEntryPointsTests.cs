using System.Text.Json;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;
using Subtensor.TestSupport.Wasm;

namespace Subtensor.Runtime.Tests.Genesis;

/// <summary>The consensus entry points of our <c>:code</c> give what the native runtime APIs give, on the same storage.</summary>
public class RuntimeCodeEntryPointsTests
{
    // What smoldot calls to build a chain's information (lib/src/chain/chain_information/build.rs), the set id after genesis.
    private static readonly string[] Methods = ["AuraApi_authorities", "AuraApi_slot_duration", "GrandpaApi_grandpa_authorities", "GrandpaApi_current_set_id"];

    [Fact]
    public void The_code_exports_the_consensus_entry_points_and_imports_only_storage_get()
    {
        var module = WasmTestModule.Parse(SubtensorChainSpecs.Code(TestChain.Runtime));
        Assert.Equal(["__heap_base", .. Methods], module.Exports.Keys);
        Assert.Equal(["ext_storage_get_version_1"], module.FunctionImports.Select(i => i.Name));
        Assert.All(Methods, m => Assert.Equal("(i32,i32)->i64", module.TypeOfFunction(module.Exports[m].Index)));
    }

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("local", 4)]
    [InlineData("testnet", 6)]
    public void Committed_raw_specs_answer_as_the_native_runtime(string chain, int authorities)
    {
        var path = Path.Combine(Subtensor.TestSupport.TestVectors.RepositoryRoot, "chainspec", $"raw_spec_{chain}.json");
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(File.ReadAllBytes(path));
        var top = spec.Genesis.Raw!.Top;
        var state = new OverlayedState(new InMemoryStateBackend(top));
        var instance = WasmTestInstance.WithStorage(WasmTestModule.Parse(spec.Genesis.Raw.Code!), key => top.GetValueOrDefault(key));
        foreach (var method in Methods)
        {
            Assert.Equal(TestChain.Runtime.Apis.Call(state, method, []), instance.CallRuntime(method, [], 0x20000));
        }

        // Vec<AuthorityId> = Compact(n) ‖ n × 32 bytes, AuthorityList = Compact(n) ‖ n × (32 bytes ‖ u64 weight); n from the plain spec.
        using var plain = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, $"plain_spec_{chain}.json")));
        var patch = plain.RootElement.GetProperty("genesis").GetProperty("runtimeGenesis").GetProperty("patch");
        Assert.Equal(authorities, patch.GetProperty("aura").GetProperty("authorities").GetArrayLength());
        Assert.Equal(authorities, patch.GetProperty("grandpa").GetProperty("authorities").GetArrayLength());
        var aura = instance.CallRuntime("AuraApi_authorities", [], 0x20000);
        var grandpa = instance.CallRuntime("GrandpaApi_grandpa_authorities", [], 0x20000);
        Assert.Equal((byte)(authorities << 2), aura[0]); // n < 64: one-byte compact
        Assert.Equal(1 + (32 * authorities), aura.Length);
        Assert.Equal((byte)(authorities << 2), grandpa[0]);
        Assert.Equal(1 + (40 * authorities), grandpa.Length);
        Assert.Equal(BitConverter.GetBytes(12_000UL), instance.CallRuntime("AuraApi_slot_duration", [], 0x20000));
    }

    [Fact]
    public void Empty_and_changed_storage_answer_as_the_native_runtime()
    {
        var rt = TestChain.Runtime;
        var code = SubtensorChainSpecs.Code(rt);
        var state = new OverlayedState(new InMemoryStateBackend());
        var instance = WasmTestInstance.WithStorage(WasmTestModule.Parse(code), key => state.Get(key));
        foreach (var method in Methods)
        {
            Assert.Equal(rt.Apis.Call(state, method, []), instance.CallRuntime(method, [], 0x20000));
        }

        rt.Grandpa.CurrentSetId.Put(state, 0x0102030405060708);
        rt.Grandpa.Authorities.Put(state, Enumerable.Range(0, 32).Select(i => (Enumerable.Repeat((byte)i, 32).ToArray(), (ulong)i + 1)).ToArray());
        rt.Aura.Authorities.Put(state, Enumerable.Range(0, 32).Select(i => Enumerable.Repeat((byte)(i + 100), 32).ToArray()).ToArray());
        foreach (var method in Methods)
        {
            Assert.Equal(rt.Apis.Call(state, method, []), instance.CallRuntime(method, [], 0x20000));
        }

        Assert.Equal(BitConverter.GetBytes(0x0102030405060708UL), instance.CallRuntime("GrandpaApi_current_set_id", [], 0x20000));
    }

    [Fact]
    public void Entry_points_are_built_from_the_runtime_declarations()
    {
        var entries = SubtensorChainSpecs.ConsensusEntryPoints(TestChain.Runtime);
        Assert.Equal(Methods, entries.Select(e => e.Name));
        Assert.Equal([true, false, true, true], entries.Select(e => e.ReadsStorage));
        Assert.Equal(TestChain.Runtime.Aura.Authorities.Key, entries[0].StorageKey.ToArray());
        Assert.Equal(BitConverter.GetBytes(TestChain.Runtime.Aura.SlotDurationMs), entries[1].Value.ToArray());
    }
}
