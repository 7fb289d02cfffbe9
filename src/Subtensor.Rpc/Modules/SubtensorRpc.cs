using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// Subtensor's custom RPC (<c>pallets/subtensor/rpc</c>, <c>pallets/swap/rpc</c>): each method SCALE-encodes its
/// parameters, calls the matching <c>*RuntimeApi_*</c> runtime API at the given (or best) block, and returns the raw
/// SCALE result as a JSON array of numbers, as Subtensor does; a few return a decoded number. Only methods whose runtime
/// API the runtime implements are registered. Failures: code 1 with "Unable to get …".
/// </summary>
public sealed class SubtensorRpc
{
    private const int RuntimeErrorCode = 1;
    private readonly Func<Hash256?, string, byte[], byte[]> _call;
    private readonly Func<string, bool> _has;

    public SubtensorRpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var state = new StateAccess(services.Client);
        _call = (at, method, args) => state.Call(state.BestOr(at), method, args);
        _has = services.Client.Runtime.Apis.Has;
    }

    /// <summary>For tests: a runtime given as a call function and the set of methods it implements.</summary>
    internal SubtensorRpc(Func<Hash256?, string, byte[], byte[]> call, Func<string, bool> has)
    {
        _call = call;
        _has = has;
    }

    /// <summary>How a parameter is read from JSON and SCALE-encoded.</summary>
    internal enum Arg
    {
        /// <summary><c>NetUid</c>/<c>u16</c>: a JSON number, u16 little-endian.</summary>
        U16,

        /// <summary><c>MechId</c>: a JSON number, u8.</summary>
        U8,

        /// <summary><c>TaoBalance</c>/<c>AlphaBalance</c>: a JSON number, u64.</summary>
        U64,

        /// <summary><c>Vec&lt;u16&gt;</c>: a JSON array of numbers.</summary>
        U16Vec,

        /// <summary><c>AccountId32</c>: an SS58 string.</summary>
        Account,

        /// <summary>A 32-byte account as a <c>Vec&lt;u8&gt;</c> JSON array, decoded as <c>AccountId32</c>.</summary>
        AccountBytes,
    }

    /// <summary>How the runtime's output is returned.</summary>
    internal enum Output
    {
        /// <summary>The SCALE bytes as a JSON array of numbers (<c>Vec&lt;u8&gt;</c>).</summary>
        Bytes,

        /// <summary>A u64 decoded into a JSON number.</summary>
        U64,

        /// <summary><c>Option&lt;u16&gt;</c> decoded into a number or null.</summary>
        OptionU16,

        /// <summary><c>Vec&lt;SubnetPrice { netuid: u16, price: u64 }&gt;</c> as JSON objects.</summary>
        SubnetPrices,
    }

    internal sealed record Method(string Name, string RuntimeMethod, Arg[] Args, Output Output, string What);

    /// <summary>Subtensor's RPC methods and the runtime API each wraps (pallets/subtensor/rpc/src/lib.rs, pallets/swap/rpc/src/lib.rs).</summary>
    internal static readonly IReadOnlyList<Method> Methods =
    [
        new("delegateInfo_getDelegates", "DelegateInfoRuntimeApi_get_delegates", [], Output.Bytes, "delegates info"),
        new("delegateInfo_getDelegate", "DelegateInfoRuntimeApi_get_delegate", [Arg.AccountBytes], Output.Bytes, "delegates info"),
        new("delegateInfo_getDelegated", "DelegateInfoRuntimeApi_get_delegated", [Arg.AccountBytes], Output.Bytes, "delegates info"),
        new("neuronInfo_getNeuronsLite", "NeuronInfoRuntimeApi_get_neurons_lite", [Arg.U16], Output.Bytes, "neurons lite info"),
        new("neuronInfo_getNeuronLite", "NeuronInfoRuntimeApi_get_neuron_lite", [Arg.U16, Arg.U16], Output.Bytes, "neuron lite info"),
        new("neuronInfo_getNeurons", "NeuronInfoRuntimeApi_get_neurons", [Arg.U16], Output.Bytes, "neurons info"),
        new("neuronInfo_getNeuron", "NeuronInfoRuntimeApi_get_neuron", [Arg.U16, Arg.U16], Output.Bytes, "neuron info"),
        new("subnetInfo_getSubnetInfo", "SubnetInfoRuntimeApi_get_subnet_info", [Arg.U16], Output.Bytes, "subnet info"),
        new("subnetInfo_getSubnetsInfo", "SubnetInfoRuntimeApi_get_subnets_info", [], Output.Bytes, "subnets info"),
        new("subnetInfo_getSubnetInfo_v2", "SubnetInfoRuntimeApi_get_subnet_info_v2", [Arg.U16], Output.Bytes, "subnet info"),
        new("subnetInfo_getSubnetsInfo_v2", "SubnetInfoRuntimeApi_get_subnets_info_v2", [], Output.Bytes, "subnets info"),
        new("subnetInfo_getSubnetHyperparams", "SubnetInfoRuntimeApi_get_subnet_hyperparams", [Arg.U16], Output.Bytes, "subnet info"),
        new("subnetInfo_getSubnetHyperparamsV2", "SubnetInfoRuntimeApi_get_subnet_hyperparams_v2", [Arg.U16], Output.Bytes, "subnet info"),
        new("subnetInfo_getAllDynamicInfo", "SubnetInfoRuntimeApi_get_all_dynamic_info", [], Output.Bytes, "dynamic subnets info"),
        new("subnetInfo_getDynamicInfo", "SubnetInfoRuntimeApi_get_dynamic_info", [Arg.U16], Output.Bytes, "dynamic subnets info"),
        new("subnetInfo_getAllMetagraphs", "SubnetInfoRuntimeApi_get_all_metagraphs", [], Output.Bytes, "metagraphs info"),
        new("subnetInfo_getMetagraph", "SubnetInfoRuntimeApi_get_metagraph", [Arg.U16], Output.Bytes, "metagraph info"),
        new("subnetInfo_getAllMechagraphs", "SubnetInfoRuntimeApi_get_all_mechagraphs", [], Output.Bytes, "mechagraphs info"),
        new("subnetInfo_getMechagraph", "SubnetInfoRuntimeApi_get_mechagraph", [Arg.U16, Arg.U8], Output.Bytes, "mechagraph info"),
        new("subnetInfo_getSubnetState", "SubnetInfoRuntimeApi_get_subnet_state", [Arg.U16], Output.Bytes, "subnet state info"),
        new("subnetInfo_getLockCost", "SubnetRegistrationRuntimeApi_get_network_registration_cost", [], Output.U64, "subnet lock cost"),
        new("subnetInfo_getSelectiveMetagraph", "SubnetInfoRuntimeApi_get_selective_metagraph", [Arg.U16, Arg.U16Vec], Output.Bytes, "selective metagraph info"),
        new("subnetInfo_getColdkeyAutoStakeHotkey", "SubnetInfoRuntimeApi_get_coldkey_auto_stake_hotkey", [Arg.Account, Arg.U16], Output.Bytes, "coldkey auto stake hotkey"),
        new("subnetInfo_getSelectiveMechagraph", "SubnetInfoRuntimeApi_get_selective_mechagraph", [Arg.U16, Arg.U8, Arg.U16Vec], Output.Bytes, "selective mechagraph info"),
        new("subnetInfo_getSubnetToPrune", "SubnetInfoRuntimeApi_get_subnet_to_prune", [], Output.OptionU16, "subnet to prune"),
        new("subnetInfo_getSubnetAccountId", "SubnetInfoRuntimeApi_get_subnet_account_id", [Arg.U16], Output.Bytes, "subnet account id"),
        new("stakeInfo_getColdkeyLock", "StakeInfoRuntimeApi_get_coldkey_lock", [Arg.Account, Arg.U16], Output.Bytes, "coldkey lock"),
        new("swap_currentAlphaPrice", "SwapRuntimeApi_current_alpha_price", [Arg.U16], Output.U64, "current alpha price"),
        new("swap_currentAlphaPriceAll", "SwapRuntimeApi_current_alpha_price_all", [], Output.SubnetPrices, "all current alpha prices"),
        new("swap_simSwapTaoForAlpha", "SwapRuntimeApi_sim_swap_tao_for_alpha", [Arg.U16, Arg.U64], Output.Bytes, "simulate tao -> alpha swap"),
        new("swap_simSwapAlphaForTao", "SwapRuntimeApi_sim_swap_alpha_for_tao", [Arg.U16, Arg.U64], Output.Bytes, "simulate alpha -> tao swap"),
    ];

    /// <summary>Registers the methods the runtime implements; returns their names.</summary>
    public IReadOnlyList<string> Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var registered = new List<string>();
        foreach (var method in Methods.Where(m => _has(m.RuntimeMethod)))
        {
            registry.Add(method.Name, RpcJson.Sync(p => Invoke(method, p)));
            registered.Add(method.Name);
        }

        return registered;
    }

    private JsonNode? Invoke(Method method, RpcParams p)
    {
        var w = new ScaleWriter();
        for (var i = 0; i < method.Args.Length; i++)
        {
            WriteArg(w, method.Args[i], p, i, method.What);
        }

        var at = p.OptionalHash(method.Args.Length, "at");
        byte[] output;
        try
        {
            output = _call(at, method.RuntimeMethod, w.ToArray());
        }
        catch (RpcException e)
        {
            throw new RpcException(RuntimeErrorCode, $"Unable to get {method.What}: {e.Message}");
        }

        try
        {
            return method.Output switch
            {
                Output.Bytes => RpcJson.ByteArray(output),
                Output.U64 => JsonValue.Create(ScaleCodec.Decode(output, (ref ScaleReader r) => r.ReadU64())),
                Output.OptionU16 => ScaleCodec.Decode(output, (ref ScaleReader r) => r.ReadOptionTag() ? (ushort?)r.ReadU16() : null) is { } n ? JsonValue.Create(n) : null,
                _ => SubnetPrices(output),
            };
        }
        catch (ScaleDecodeException e)
        {
            throw new RpcException(RuntimeErrorCode, $"Unable to get {method.What}: {e.Message}");
        }
    }

    private static JsonArray SubnetPrices(byte[] output)
    {
        var prices = ScaleCodec.Decode(output, (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => (x.ReadU16(), x.ReadU64()), 10));
        return new JsonArray(prices.Select(pr => (JsonNode?)new JsonObject { ["netuid"] = pr.Item1, ["price"] = pr.Item2 }).ToArray());
    }

    private static void WriteArg(ScaleWriter w, Arg arg, RpcParams p, int index, string what)
    {
        var name = "param" + index;
        switch (arg)
        {
            case Arg.U16:
                w.WriteU16(checked((ushort)Bounded(p.RequiredUInt(index, name), ushort.MaxValue, name)));
                break;
            case Arg.U8:
                w.WriteU8(checked((byte)Bounded(p.RequiredUInt(index, name), byte.MaxValue, name)));
                break;
            case Arg.U64:
                w.WriteU64(p.RequiredUInt(index, name));
                break;
            case Arg.U16Vec:
                var list = p.Raw(index, name) as JsonArray ?? throw RpcException.InvalidParams($"parameter '{name}' must be an array of u16");
                var values = list.Select(v => v?.GetValueKind() == JsonValueKind.Number && v.AsValue().TryGetValue<ushort>(out var u)
                    ? u : throw RpcException.InvalidParams($"parameter '{name}' must be an array of u16")).ToArray();
                w.WriteVec(values, (ww, v) => ww.WriteU16(v));
                break;
            case Arg.Account:
                SystemRpc.ParseAccount(p, index, name).EncodeTo(w);
                break;
            case Arg.AccountBytes:
                var bytes = p.Raw(index, name) as JsonArray ?? throw RpcException.InvalidParams($"parameter '{name}' must be an array of bytes");
                var raw = bytes.Select(v => v?.GetValueKind() == JsonValueKind.Number && v.AsValue().TryGetValue<byte>(out var b)
                    ? b : throw RpcException.InvalidParams($"parameter '{name}' must be an array of bytes")).ToArray();
                if (raw.Length < AccountId32.Length)
                {
                    // Subtensor decodes the account itself and reports a failure as a runtime error.
                    throw new RpcException(RuntimeErrorCode, $"Unable to get {what}: Error {{ cause: None, desc: \"Not enough data to fill buffer\" }}");
                }

                w.WriteBytes(raw.AsSpan(0, AccountId32.Length));
                break;
        }
    }

    private static ulong Bounded(ulong value, ulong max, string name)
        => value <= max ? value : throw RpcException.InvalidParams($"parameter '{name}' is out of range (max {max})");
}
