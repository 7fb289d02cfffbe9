using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime;

/// <summary>
/// The aggregate types <c>construct_runtime!</c> generates: <c>RuntimeCall</c>, <c>RuntimeEvent</c>, <c>RuntimeError</c>
/// and <c>OriginCaller</c>. They exist before the pallets (which refer to them) and are defined once all pallets are known.
/// </summary>
public sealed class RuntimeOuterTypes
{
    /// <summary>Maximum nesting of calls inside calls accepted when decoding (Subtensor validates with a depth limit of 8).</summary>
    public const int MaxCallDepth = 8;

    [ThreadStatic]
    private static int _callDepth;

    private IReadOnlyList<Pallet> _pallets = [];

    public RuntimeOuterTypes(string runtimeCrate = "node_subtensor_runtime")
    {
        Crate = runtimeCrate;
        Call = new MetaType([runtimeCrate, "RuntimeCall"], [], null);
        Event = new MetaType([runtimeCrate, "RuntimeEvent"], [], null);
        Error = new MetaType([runtimeCrate, "RuntimeError"], [], null);
        OriginCaller = new MetaType([runtimeCrate, "OriginCaller"], [], null);
        RuntimeType = new MetaType([runtimeCrate, "Runtime"], [], new MetaTypeDef.Composite([]));
        CallCodec = new ScaleCodec<RuntimeCall>(Call, (w, c) => c.EncodeTo(w), DecodeCall);
        EventCodec = new ScaleCodec<RuntimeEvent>(Event, (w, e) => e.EncodeTo(w), DecodeEvent);
    }

    public string Crate { get; }

    public MetaType Call { get; }

    public MetaType Event { get; }

    public MetaType Error { get; }

    public MetaType OriginCaller { get; }

    /// <summary>The <c>Runtime</c> struct itself (a type parameter of some extensions).</summary>
    public MetaType RuntimeType { get; }

    public ScaleCodec<RuntimeCall> CallCodec { get; }

    public ScaleCodec<RuntimeEvent> EventCodec { get; }

    public IReadOnlyList<Pallet> Pallets => _pallets;

    /// <summary>Defines the aggregate enums from the pallets' declarations (called once by the runtime).</summary>
    public void Complete(IReadOnlyList<Pallet> pallets)
    {
        ArgumentNullException.ThrowIfNull(pallets);
        _pallets = pallets;
        const string hidden = "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch\n::CallableCallFor<{0}, Runtime>";
        Call.Define(new MetaTypeDef.Variant(pallets.Where(p => p.CallType is not null)
            .Select(p => new MetaVariant(p.Name, p.Index, [new MetaField(null, p.CallType!, string.Format(System.Globalization.CultureInfo.InvariantCulture, hidden, p.Name))])).ToList()));
        Event.Define(new MetaTypeDef.Variant(pallets.Where(p => p.EventType is not null)
            .Select(p => new MetaVariant(p.Name, p.Index, [new MetaField(null, p.EventType!, $"{RustPath(p)}::Event<Runtime>")])).ToList()));
        Error.Define(new MetaTypeDef.Variant(pallets.Where(p => p.ErrorType is not null)
            .Select(p => new MetaVariant(p.Name, p.Index, [new MetaField(null, p.ErrorType!, $"{RustPath(p)}::Error<Runtime>")])).ToList()));
    }

    /// <summary>Decodes one call (pallet index, call index, arguments), enforcing <see cref="MaxCallDepth"/> for nested calls.</summary>
    public RuntimeCall DecodeCall(ref ScaleReader reader)
    {
        var at = reader.Position;
        if (_callDepth >= MaxCallDepth)
        {
            throw new ScaleDecodeException($"calls nested deeper than {MaxCallDepth}", at);
        }

        _callDepth++;
        try
        {
            var palletIndex = reader.ReadU8();
            var pallet = _pallets.FirstOrDefault(p => p.Index == palletIndex && p.DeclaredCalls.Count > 0)
                ?? throw new ScaleDecodeException($"no pallet with calls at index {palletIndex}", at);
            var callIndex = reader.ReadU8();
            var def = pallet.FindCall(callIndex) ?? throw new ScaleDecodeException($"{pallet.Name} has no call {callIndex}", at + 1);
            var values = new object?[def.Args.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = def.Args[i].Codec.DecodeObject(ref reader);
            }

            return new RuntimeCall(def, new CallArgs(def, values));
        }
        finally
        {
            _callDepth--;
        }
    }

    public RuntimeEvent DecodeEvent(ref ScaleReader reader)
    {
        var at = reader.Position;
        var palletIndex = reader.ReadU8();
        var pallet = _pallets.FirstOrDefault(p => p.Index == palletIndex && p.DeclaredEvents.Count > 0)
            ?? throw new ScaleDecodeException($"no pallet with events at index {palletIndex}", at);
        var eventIndex = reader.ReadU8();
        var def = pallet.DeclaredEvents.FirstOrDefault(e => e.Index == eventIndex) ?? throw new ScaleDecodeException($"{pallet.Name} has no event {eventIndex}", at + 1);
        var values = new object?[def.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = def.Fields[i].Codec.DecodeObject(ref reader);
        }

        return new RuntimeEvent(def, values);
    }

    private static string RustPath(Pallet p) => p.Crate;
}
