using System.Text;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Executive;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Pallets.TransactionPayment;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Api;

/// <summary>
/// The runtime APIs, reachable as <c>state_call</c> reaches them: <c>"Trait_method"</c> plus SCALE-encoded arguments
/// in, SCALE-encoded result out, with Subtensor's names and layouts. The same declarations feed RuntimeVersion.apis
/// and the V15 metadata.
/// </summary>
public sealed class RuntimeApis
{
    /// <summary>API traits and versions this runtime implements (as in Subtensor's RuntimeVersion.apis).</summary>
    public static readonly IReadOnlyList<(string Name, uint Version)> Declared =
    [
        ("Core", 5), ("Metadata", 2), ("BlockBuilder", 6), ("GenesisBuilder", 1), ("TaggedTransactionQueue", 3), ("OffchainWorkerApi", 2),
        ("AuraApi", 1), ("SessionKeys", 1), ("GrandpaApi", 3), ("AccountNonceApi", 1), ("TransactionPaymentApi", 4), ("TransactionPaymentCallApi", 3),
        ("DelegateInfoRuntimeApi", 1), ("NeuronInfoRuntimeApi", 1), ("SubnetInfoRuntimeApi", 2), ("StakeInfoRuntimeApi", 1),
        ("SubnetRegistrationRuntimeApi", 1), ("SwapRuntimeApi", 1),
    ];

    /// <summary>Key types of the session keys, in order (aura sr25519, grandpa ed25519).</summary>
    public static readonly string[] SessionKeyTypes = ["aura", "gran"];

    private readonly SubtensorRuntime _rt;
    private readonly Dictionary<string, RuntimeApiMethod> _methods = new(StringComparer.Ordinal);

    public RuntimeApis(SubtensorRuntime runtime)
    {
        _rt = runtime ?? throw new ArgumentNullException(nameof(runtime));
        Definitions = Build();
        foreach (var def in Definitions)
        {
            foreach (var m in def.Methods)
            {
                _methods.Add($"{def.Name}_{m.Name}", m);
            }
        }
    }

    public IReadOnlyList<RuntimeApiDef> Definitions { get; }

    /// <summary>The node's keystore, when it offers one (needed by SessionKeys_generate_session_keys).</summary>
    public IRuntimeKeystore? Keystore { get; set; }

    public IEnumerable<string> MethodNames => _methods.Keys;

    public bool Has(string method) => _methods.ContainsKey(method);

    /// <summary>
    /// Calls <paramref name="method"/> (e.g. <c>Core_version</c>) with SCALE arguments on <paramref name="state"/>.
    /// Undecodable arguments or an unknown method raise <see cref="RuntimeApiException"/>.
    /// </summary>
    public byte[] Call(IStateAccess state, string method, byte[] args)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(args);
        if (!_methods.TryGetValue(method, out var m))
        {
            throw new RuntimeApiException($"Method {method} not found in the runtime");
        }

        try
        {
            return m.Handler(state, args);
        }
        catch (ScaleDecodeException e)
        {
            throw new RuntimeApiException($"Could not decode the arguments of {method}: {e.Message}", e);
        }
    }

    private IReadOnlyList<RuntimeApiDef> Build()
    {
        var rt = _rt;
        var xtType = rt.ExtrinsicTypes.UncheckedExtrinsic;
        var extrinsic = new ScaleCodec<byte[]>(xtType, (w, v) => w.WriteBytes(v), ReadExtrinsic);
        var header = new ScaleCodec<Header>(FrameTypes.HeaderType, (w, v) => v.EncodeTo(w), Header.DecodeFrom);
        var block = Opaque(ApiTypes.Block(xtType));
        var inherentData = new ScaleCodec<Dictionary<string, byte[]>>(ApiTypes.InherentData, WriteInherentData, ReadInherentData);
        var weight = FrameTypes.Weight;
        var unit = Codecs.Unit;
        var u32 = Codecs.U32;
        var u64 = Codecs.U64;

        RuntimeApiMethod M(string name, (string, IScaleCodec)[] inputs, IScaleCodec output, RuntimeApiHandler handler, params string[] docs) =>
            new(name, inputs, output, handler, docs);

        var defs = new List<RuntimeApiDef>
        {
            new("Core", 5,
            [
                M("version", [], Opaque(FrameTypes.RuntimeVersionType), (_, _) => Core.Scale.ScaleCodec.Encode(rt.Version), " Returns the version of the runtime."),
                M("execute_block", [("block", block)], unit, (s, a) =>
                {
                    rt.Executive.ExecuteBlock(s, Executive.Block.Decode(a));
                    return [];
                }, " Execute the given block."),
                M("initialize_block", [("header", header)], Opaque(ApiTypes.ExtrinsicInclusionMode), (s, a) =>
                    [(byte)rt.Executive.InitializeBlock(s, header.DecodeAll(a))], " Initialize a block with the given header and return the runtime executive mode."),
            ], [" The `Core` runtime api that every Substrate runtime needs to implement."]),
            new("Metadata", 2,
            [
                M("metadata", [], Opaque(ApiTypes.OpaqueMetadata), (_, _) => Codecs.Bytes.Encode(rt.MetadataV14), " Returns the metadata of a runtime."),
                M("metadata_at_version", [("version", u32)], Opaque(Ty.Option(ApiTypes.OpaqueMetadata)), (_, a) =>
                {
                    var v = u32.DecodeAll(a);
                    var md = v switch { 14 => rt.MetadataV14, 15 => rt.MetadataV15, _ => null };
                    var w = new ScaleWriter((md?.Length ?? 0) + 8);
                    w.WriteOption(md, (ww, b) => ww.WriteByteVec(b));
                    return w.ToArray();
                }, " Returns the metadata at a given version."),
                M("metadata_versions", [], Opaque(Ty.Vec(Ty.U32)), (_, _) => Codecs.Vec(u32).Encode([14u, 15u]), " Returns the supported metadata versions."),
            ], [" The `Metadata` api trait that returns metadata for the runtime."]),
            new("BlockBuilder", 6,
            [
                M("apply_extrinsic", [("extrinsic", extrinsic)], Opaque(ApiTypes.ApplyExtrinsicResult), (s, a) =>
                    rt.Executive.ApplyExtrinsic(s, extrinsic.DecodeAll(a)).Encode(), " Apply the given extrinsic."),
                M("finalize_block", [], header, (s, _) => rt.Executive.FinalizeBlock(s).Encode(), " Finish the current block."),
                M("inherent_extrinsics", [("inherent", inherentData)], Opaque(Ty.Vec(xtType)), (s, a) =>
                {
                    var data = inherentData.DecodeAll(a);
                    var xts = new List<byte[]>();
                    if (rt.Timestamp.CreateInherent(s, data) is { } call)
                    {
                        xts.Add(UncheckedExtrinsic.Bare(call).Encoded);
                    }

                    var w = new ScaleWriter();
                    w.WriteCompact((uint)xts.Count);
                    foreach (var x in xts)
                    {
                        w.WriteBytes(x);
                    }

                    return w.ToArray();
                }, " Generate inherent extrinsics. The inherent data will vary from chain to chain."),
                M("check_inherents", [("block", block), ("data", inherentData)], Opaque(ApiTypes.CheckInherentsResult), (s, a) => CheckInherents(s, a, inherentData),
                    " Check that the inherents are valid. The inherent data will vary from chain to chain."),
            ], [" The `BlockBuilder` api trait that provides the required functionality for building a block."]),
            new("GenesisBuilder", 1,
            [
                M("build_state", [("json", Codecs.Bytes)], Opaque(Ty.Result(Ty.Unit, Ty.Str)), (s, a) =>
                {
                    var json = Encoding.UTF8.GetString(Codecs.Bytes.DecodeAll(a));
                    var w = new ScaleWriter();
                    try
                    {
                        GenesisBuilder.BuildState(rt, s, json);
                        w.WriteU8(0);
                    }
                    catch (GenesisConfigException e)
                    {
                        w.WriteU8(1).WriteString(e.Message);
                    }

                    return w.ToArray();
                }, " Build `RuntimeGenesisConfig` from a JSON blob not using any defaults and store it in the", " storage."),
                M("get_preset", [("id", Codecs.Option(Codecs.Str))], Opaque(Ty.Option(Ty.Bytes)), (_, a) =>
                {
                    var id = Codecs.Option(Codecs.Str).DecodeAll(a);
                    var json = id is null ? GenesisBuilder.DefaultConfigJson(rt) : GenesisBuilder.PresetPatchJson(id);
                    var w = new ScaleWriter();
                    w.WriteOption(json is null ? null : Encoding.UTF8.GetBytes(json), (ww, b) => ww.WriteByteVec(b));
                    return w.ToArray();
                }, " Returns a JSON blob representation of the built-in `RuntimeGenesisConfig` identified by", " `id`."),
                M("preset_names", [], Codecs.Vec(Codecs.Str), (_, _) => Codecs.Vec(Codecs.Str).Encode(GenesisBuilder.PresetNames.ToArray()),
                    " Returns a list of identifiers for available builtin `RuntimeGenesisConfig` presets."),
            ], [" API to interact with `RuntimeGenesisConfig` for the runtime"]),
            new("TaggedTransactionQueue", 3,
            [
                M("validate_transaction", [("source", Opaque(ApiTypes.TransactionSource)), ("tx", extrinsic), ("block_hash", Codecs.H256)], Opaque(ApiTypes.TransactionValidity), (s, a) =>
                {
                    var r = new ScaleReader(a);
                    var source = (TransactionSource)r.ReadEnumIndex(3);
                    var tx = ReadExtrinsic(ref r);
                    var hash = Hash256.DecodeFrom(ref r);
                    r.EnsureAtEnd();
                    var (valid, error) = rt.Executive.ValidateTransaction(s, source, tx, hash);
                    var w = new ScaleWriter(128);
                    if (valid is not null)
                    {
                        w.WriteU8(0);
                        valid.EncodeTo(w);
                    }
                    else
                    {
                        w.WriteU8(1);
                        error!.EncodeTo(w);
                    }

                    return w.ToArray();
                }, " Validate the transaction."),
            ], [" The `TaggedTransactionQueue` api trait for interfering with the transaction queue."]),
            new("OffchainWorkerApi", 2,
            [
                M("offchain_worker", [("header", header)], unit, (_, a) =>
                {
                    header.DecodeAll(a);
                    return [];
                }, " Starts the off-chain task for given block header."),
            ], [" The offchain worker api."]),
            new("AuraApi", 1,
            [
                M("slot_duration", [], Opaque(ApiTypes.SlotDuration), (_, _) => u64.Encode(rt.Aura.SlotDurationMs), " Returns the slot duration for Aura."),
                M("authorities", [], rt.Aura.Authorities.Codec.As(Ty.Vec(rt.Aura.AuthorityCodec.Type)), (s, _) => rt.Aura.Authorities.Codec.Encode(rt.Aura.Authorities.Get(s)),
                    " Return the current set of authorities."),
            ], [" API necessary for block authorship with aura."]),
            new("SessionKeys", 1,
            [
                M("generate_session_keys", [("seed", Codecs.Option(Codecs.Bytes))], Codecs.Bytes, (_, a) => GenerateSessionKeys(Codecs.Option(Codecs.Bytes).DecodeAll(a)),
                    " Generate a set of session keys with optionally using the given seed."),
                M("decode_session_keys", [("encoded", Codecs.Bytes)], Opaque(Ty.Option(Ty.Vec(Ty.Tuple(Ty.Bytes, ApiTypes.KeyTypeId)))), (_, a) =>
                    DecodeSessionKeys(Codecs.Bytes.DecodeAll(a)), " Decode the given public session keys."),
            ], [" Session keys runtime api."]),
            new("GrandpaApi", 3,
            [
                M("grandpa_authorities", [], rt.Grandpa.AuthorityCodec, (s, _) => rt.Grandpa.AuthorityCodec.Encode(rt.Grandpa.Authorities.Get(s)),
                    " Get the current GRANDPA authorities and weights. This should not change except", " for when changes are scheduled and the corresponding delay has passed."),
                M("submit_report_equivocation_unsigned_extrinsic",
                    [("equivocation_proof", Opaque(rt.Grandpa.DeclaredCalls[0].Args[0].Codec.Type)), ("key_owner_proof", Opaque(ApiTypes.OpaqueValue))],
                    Opaque(Ty.Option(Ty.Unit)), (_, _) => [0], " Submits an unsigned extrinsic to report an equivocation."),
                M("generate_key_ownership_proof", [("set_id", u64), ("authority_id", Opaque(rt.Grandpa.PublicType))], Opaque(Ty.Option(ApiTypes.OpaqueValue)), (_, _) => [0],
                    " Generates a proof of key ownership for the given authority in the given set."),
                M("current_set_id", [], u64, (s, _) => u64.Encode(rt.Grandpa.CurrentSetId.Get(s)), " Get current GRANDPA authority set id."),
            ], [" APIs for integrating the GRANDPA finality gadget into runtimes."]),
            new("AccountNonceApi", 1,
            [
                M("account_nonce", [("account", Codecs.AccountId)], u32, (s, a) => u32.Encode(rt.System.AccountNonce(s, Codecs.AccountId.DecodeAll(a))),
                    " Get current account nonce of given `AccountId`."),
            ], [" The API to query account nonce."]),
            new("TransactionPaymentApi", 4,
            [
                M("query_info", [("uxt", extrinsic), ("len", u32)], Opaque(ApiTypes.RuntimeDispatchInfo), (s, a) =>
                {
                    var (xt, len) = ReadExtrinsicAndLen(a);
                    return EncodeDispatchInfo(s, SubtensorTransactionExtensions.InfoOf(xt), len, !xt.IsSigned);
                }),
                M("query_fee_details", [("uxt", extrinsic), ("len", u32)], Opaque(ApiTypes.FeeDetails), (s, a) =>
                {
                    var (xt, len) = ReadExtrinsicAndLen(a);
                    var info = SubtensorTransactionExtensions.InfoOf(xt);
                    var details = xt.IsSigned
                        ? rt.TransactionPayment.ComputeFeeDetails(s, len, info.TotalWeight, info.Class, info.PaysFee, xt.Extra!.Value.Tip)
                        : new FeeDetails(false, 0, 0, 0, 0);
                    return EncodeFeeDetails(details);
                }),
                M("query_weight_to_fee", [("weight", weight)], u64, (_, a) => u64.Encode(rt.TransactionPayment.WeightToFee(weight.DecodeAll(a)))),
                M("query_length_to_fee", [("length", u32)], u64, (_, a) => u64.Encode(TransactionPaymentPallet.LengthToFee(u32.DecodeAll(a)))),
            ]),
            new("TransactionPaymentCallApi", 3,
            [
                M("query_call_info", [("call", rt.Outer.CallCodec), ("len", u32)], Opaque(ApiTypes.RuntimeDispatchInfo), (s, a) =>
                {
                    var (call, len) = ReadCallAndLen(a);
                    return EncodeDispatchInfo(s, call.Info, len, bare: false);
                }, " Query information of a dispatch class, weight, and fee of a given encoded `Call`."),
                M("query_call_fee_details", [("call", rt.Outer.CallCodec), ("len", u32)], Opaque(ApiTypes.FeeDetails), (s, a) =>
                {
                    var (call, len) = ReadCallAndLen(a);
                    var info = call.Info;
                    return EncodeFeeDetails(rt.TransactionPayment.ComputeFeeDetails(s, len, info.TotalWeight, info.Class, info.PaysFee, 0));
                }, " Query fee details of a given encoded `Call`."),
                M("query_weight_to_fee", [("weight", weight)], u64, (_, a) => u64.Encode(rt.TransactionPayment.WeightToFee(weight.DecodeAll(a))),
                    " Query the output of the current `WeightToFee` given some input."),
                M("query_length_to_fee", [("length", u32)], u64, (_, a) => u64.Encode(TransactionPaymentPallet.LengthToFee(u32.DecodeAll(a))),
                    " Query the output of the current `LengthToFee` given some input."),
            ]),
        };
        defs.AddRange(Info.InfoApis.Build(rt));
        defs.AddRange(SubtensorApis.Build(rt));

        var declared = Declared.ToDictionary(d => d.Name, d => d.Version);
        foreach (var d in defs)
        {
            if (!declared.TryGetValue(d.Name, out var v) || v != d.Version)
            {
                throw new InvalidOperationException($"API {d.Name} v{d.Version} is not declared");
            }
        }

        return defs;
    }

    /// <summary>A codec used only for its metadata type (API outputs are encoded by hand).</summary>
    private static ScaleCodec<byte[]> Opaque(MetaType type) =>
        new(type, (w, v) => w.WriteBytes(v), (ref ScaleReader r) => r.ReadBytes(r.Remaining).ToArray());

    /// <summary>One length-prefixed extrinsic, returned with its prefix.</summary>
    private static byte[] ReadExtrinsic(ref ScaleReader reader)
    {
        var start = reader.Rest;
        var before = reader.Remaining;
        var len = reader.ReadCompactU32();
        if (len > reader.Remaining)
        {
            throw reader.Error($"extrinsic claims {len} bytes, {reader.Remaining} left");
        }

        reader.ReadBytes((int)len);
        return start[..(before - reader.Remaining)].ToArray();
    }

    private (UncheckedExtrinsic Xt, uint Len) ReadExtrinsicAndLen(byte[] args)
    {
        var r = new ScaleReader(args);
        var raw = ReadExtrinsic(ref r);
        var len = r.ReadU32();
        r.EnsureAtEnd();
        return (_rt.DecodeExtrinsic(raw), len);
    }

    private (RuntimeCall Call, uint Len) ReadCallAndLen(byte[] args)
    {
        var r = new ScaleReader(args);
        var call = _rt.Outer.DecodeCall(ref r);
        var len = r.ReadU32();
        r.EnsureAtEnd();
        return (call, len);
    }

    /// <summary><c>RuntimeDispatchInfo { weight, class, partial_fee }</c>; bare extrinsics have no fee.</summary>
    private byte[] EncodeDispatchInfo(IStateAccess state, DispatchInfo info, uint len, bool bare)
    {
        var fee = bare ? 0 : _rt.TransactionPayment.ComputeFee(state, len, info, 0);
        var w = new ScaleWriter(32);
        info.TotalWeight.EncodeTo(w);
        w.WriteU8((byte)info.Class).WriteU64(fee);
        return w.ToArray();
    }

    private static byte[] EncodeFeeDetails(FeeDetails d)
    {
        var w = new ScaleWriter(40);
        d.EncodeTo(w);
        return w.ToArray();
    }

    private byte[] CheckInherents(IStateAccess state, byte[] args, ScaleCodec<Dictionary<string, byte[]>> inherentData)
    {
        var r = new ScaleReader(args);
        var block = Executive.Block.DecodeFrom(ref r, args);
        var data = inherentData.Decode(ref r);
        r.EnsureAtEnd();
        var okay = true;
        var fatal = false;
        var errors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var raw in block.Extrinsics)
        {
            var xt = _rt.DecodeExtrinsic(raw);
            if (!_rt.Executive.IsInherent(xt))
            {
                continue;
            }

            if (_rt.Timestamp.CheckInherent(state, xt.Call, data) is { } err)
            {
                okay = false;
                fatal |= err.Fatal;
                errors[Convert.ToHexString(Pallets.Timestamp.TimestampPallet.InherentIdentifier)] = err.Error;
                if (err.Fatal)
                {
                    break;
                }
            }
        }

        var w = new ScaleWriter(64);
        w.WriteBool(okay).WriteBool(fatal);
        WriteInherentData(w, errors);
        return w.ToArray();
    }

    private byte[] GenerateSessionKeys(byte[]? seed)
    {
        var keystore = Keystore ?? throw new RuntimeApiException("generate_session_keys needs the node's keystore, which this call was not given");
        var seedText = seed is null ? null : Encoding.UTF8.GetString(seed);
        var aura = keystore.Sr25519Generate("aura", seedText);
        var grandpa = keystore.Ed25519Generate("gran", seedText);
        return Codecs.Bytes.Encode([.. aura, .. grandpa]);
    }

    /// <summary>SessionKeys { aura: sr25519, grandpa: ed25519 }: exactly 64 bytes decode to [(aura, "aura"), (grandpa, "gran")].</summary>
    private static byte[] DecodeSessionKeys(byte[] encoded)
    {
        var w = new ScaleWriter(96);
        if (encoded.Length != 64)
        {
            return [0];
        }

        w.WriteU8(1).WriteCompact(2u);
        w.WriteByteVec(encoded.AsSpan(0, 32)).WriteBytes("aura"u8);
        w.WriteByteVec(encoded.AsSpan(32, 32)).WriteBytes("gran"u8);
        return w.ToArray();
    }

    /// <summary><c>InherentData</c> = BTreeMap&lt;[u8; 8], Vec&lt;u8&gt;&gt;; keys held as upper-case hex of the identifier.</summary>
    private static void WriteInherentData(ScaleWriter w, Dictionary<string, byte[]> data) =>
        w.WriteBTreeMap(data.Select(kv => new KeyValuePair<byte[], byte[]>(Convert.FromHexString(kv.Key), kv.Value)),
            (ww, k) => ww.WriteBytes(k), (ww, v) => ww.WriteByteVec(v), ByteArrayComparer.Instance);

    private static Dictionary<string, byte[]> ReadInherentData(ref ScaleReader r)
    {
        var n = r.ReadLength(9);
        var d = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var key = Convert.ToHexString(r.ReadBytes(8));
            d[key] = r.ReadByteVec();
        }

        return d;
    }
}
