using System.Text.Json;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework;

/// <summary>
/// A pallet declares, in one place, its storage items, calls, events, errors, constants and hooks (FRAME's
/// <c>#[pallet::*]</c> attributes); dispatch, storage keys and metadata are all derived from these declarations.
/// </summary>
public abstract class Pallet
{
    private readonly List<StorageEntry> _storage = [];
    private readonly List<CallDef> _calls = [];
    private readonly List<EventDef> _events = [];
    private readonly List<ErrorDef> _errors = [];
    private readonly List<ConstantDef> _constants = [];
    private MetaType? _callType;
    private MetaType? _eventType;
    private MetaType? _errorType;
    private IRuntimeHost? _host;

    protected Pallet(string name, byte index, string crate)
    {
        Name = name;
        Index = index;
        Crate = crate;
    }

    /// <summary>Name in <c>construct_runtime!</c>; also the storage prefix.</summary>
    public string Name { get; }

    public byte Index { get; }

    /// <summary>The Rust crate path of the pallet (e.g. <c>pallet_balances</c>), the root of its metadata type paths.</summary>
    public string Crate { get; }

    /// <summary>Generic parameters of the pallet's Call/Event/Error enums (FRAME: <c>T</c>, or <c>T, I</c> for instantiable pallets).</summary>
    protected virtual IReadOnlyList<string> CallTypeParams => ["T"];

    protected virtual IReadOnlyList<string> EventTypeParams => ["T"];

    protected virtual IReadOnlyList<string> ErrorTypeParams => ["T"];

    /// <summary>Key of this pallet's section in a runtime genesis config (<c>construct_runtime!</c> name in lowerCamelCase).</summary>
    public virtual string GenesisKey => char.ToLowerInvariant(Name[0]) + Name[1..];

    public IReadOnlyList<StorageEntry> DeclaredStorage => _storage;

    public IReadOnlyList<CallDef> DeclaredCalls => _calls;

    public IReadOnlyList<EventDef> DeclaredEvents => _events;

    public IReadOnlyList<ErrorDef> DeclaredErrors => _errors;

    public IReadOnlyList<ConstantDef> DeclaredConstants => _constants;

    public virtual IReadOnlyList<string> Docs => [];

    /// <summary>The pallet's in-code storage version, written at genesis under <c>:__STORAGE_VERSION__:</c> (FRAME <c>on_genesis</c>).</summary>
    public virtual ushort InCodeStorageVersion => 0;

    /// <summary>The runtime this pallet belongs to (events, other pallets).</summary>
    protected IRuntimeHost Host => _host ?? throw new InvalidOperationException($"pallet {Name} is not part of a runtime");

    internal void Attach(IRuntimeHost host) => _host = host;

    public CallDef? FindCall(byte index) => _calls.FirstOrDefault(c => c.Index == index);

    public CallDef? FindCall(string name) => _calls.FirstOrDefault(c => c.Name == name);

    public ErrorDef? FindError(string name) => _errors.FirstOrDefault(e => e.Name == name);

    // ---- hooks -------------------------------------------------------------------------------------------------

    /// <summary>Called at the start of every block, before inherents; returns the weight used.</summary>
    public virtual Weight OnInitialize(IStateAccess state, uint blockNumber) => Weight.Zero;

    /// <summary>Called at the end of every block.</summary>
    public virtual void OnFinalize(IStateAccess state, uint blockNumber)
    {
    }

    /// <summary>Called before <see cref="OnFinalize"/> with the weight left in the block; returns the weight used.</summary>
    public virtual Weight OnIdle(IStateAccess state, uint blockNumber, Weight remaining) => Weight.Zero;

    /// <summary>Writes this pallet's genesis storage from its section of the genesis config (absent section: defaults).</summary>
    public virtual void BuildGenesis(IStateAccess state, JsonElement? config)
    {
    }

    /// <summary>This pallet's genesis config with default values (what <c>GenesisBuilder_get_preset(None)</c> shows).</summary>
    public virtual object? DefaultGenesisConfig() => null;

    // ---- declarations ------------------------------------------------------------------------------------------

    protected StorageValue<T> Value<T>(string name, ScaleCodec<T> codec, T defaultValue, params string[] docs) =>
        Add(new StorageValue<T>(Name, name, codec, defaultValue, StorageEntryModifier.Default, docs));

    protected StorageValue<T> OptionalValue<T>(string name, ScaleCodec<T> codec, params string[] docs) =>
        Add(new StorageValue<T>(Name, name, codec, default!, StorageEntryModifier.Optional, docs));

    protected StorageVecValue<T> VecValue<T>(string name, ScaleCodec<T> element, params string[] docs) =>
        Add(new StorageVecValue<T>(Name, name, element, docs));

    protected StorageMap<TKey, TValue> Map<TKey, TValue>(string name, StorageHasher hasher, ScaleCodec<TKey> key, ScaleCodec<TValue> value, TValue defaultValue, params string[] docs) =>
        Add(new StorageMap<TKey, TValue>(Name, name, hasher, key, value, defaultValue, StorageEntryModifier.Default, docs));

    protected StorageMap<TKey, TValue> OptionalMap<TKey, TValue>(string name, StorageHasher hasher, ScaleCodec<TKey> key, ScaleCodec<TValue> value, params string[] docs) =>
        Add(new StorageMap<TKey, TValue>(Name, name, hasher, key, value, default!, StorageEntryModifier.Optional, docs));

    protected StorageDoubleMap<TKey1, TKey2, TValue> DoubleMap<TKey1, TKey2, TValue>(
        string name, StorageHasher hasher1, ScaleCodec<TKey1> key1, StorageHasher hasher2, ScaleCodec<TKey2> key2, ScaleCodec<TValue> value, TValue defaultValue,
        bool optional = false, params string[] docs) =>
        Add(new StorageDoubleMap<TKey1, TKey2, TValue>(Name, name, hasher1, key1, hasher2, key2, value, defaultValue,
            optional ? StorageEntryModifier.Optional : StorageEntryModifier.Default, docs));

    protected StorageNMap<TKey1, TKey2, TKey3, TValue> NMap<TKey1, TKey2, TKey3, TValue>(
        string name, (StorageHasher, ScaleCodec<TKey1>) key1, (StorageHasher, ScaleCodec<TKey2>) key2, (StorageHasher, ScaleCodec<TKey3>) key3,
        ScaleCodec<TValue> value, TValue defaultValue, bool optional = false, params string[] docs) =>
        Add(new StorageNMap<TKey1, TKey2, TKey3, TValue>(Name, name, key1, key2, key3, value, defaultValue,
            optional ? StorageEntryModifier.Optional : StorageEntryModifier.Default, docs));

    protected TEntry Add<TEntry>(TEntry entry)
        where TEntry : StorageEntry
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_storage.Any(s => s.Name == entry.Name))
        {
            throw new InvalidOperationException($"{Name} declares storage {entry.Name} twice");
        }

        _storage.Add(entry);
        return entry;
    }

    protected CallDef Call(byte index, string name, CallArg[] args, CallInfoFunc info, CallHandler handler, params string[] docs)
    {
        if (_calls.Any(c => c.Index == index || c.Name == name))
        {
            throw new InvalidOperationException($"{Name} declares call {index}/{name} twice");
        }

        var def = new CallDef(index, name, args, info, handler, docs) { Pallet = this };
        _calls.Add(def);
        return def;
    }

    protected EventDef Event(byte index, string name, params CallArg[] fields)
    {
        var def = new EventDef(index, name, fields) { Pallet = this };
        _events.Add(def);
        return def;
    }

    protected ErrorDef Error(byte index, string name, params string[] docs)
    {
        var def = new ErrorDef(index, name, docs) { Pallet = this };
        _errors.Add(def);
        return def;
    }

    protected void Constant<T>(string name, ScaleCodec<T> codec, T value, params string[] docs)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _constants.Add(new ConstantDef(name, codec.Type, codec.Encode(value), docs));
    }

    protected static CallArg Arg(string name, IScaleCodec codec, string? typeName = null) => new(name, codec, typeName);

    /// <summary>Weight/class/pays for an ordinary call.</summary>
    protected static DispatchInfo Normal(Weight weight, Pays pays = Pays.Yes) => new(weight, Weight.Zero, DispatchClass.Normal, pays);

    // ---- events ------------------------------------------------------------------------------------------------

    /// <summary>Deposits one of this pallet's events (as <c>Self::deposit_event</c>).</summary>
    protected void Deposit(IStateAccess state, EventDef ev, params object?[] fields)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length != ev.Fields.Count)
        {
            throw new ArgumentException($"{Name}.{ev.Name} has {ev.Fields.Count} field(s), got {fields.Length}", nameof(fields));
        }

        var w = new ScaleWriter(64);
        w.WriteU8(Index).WriteU8(ev.Index);
        for (var i = 0; i < fields.Length; i++)
        {
            ev.Fields[i].Codec.EncodeObject(w, fields[i]);
        }

        Host.DepositEvent(state, w.ToArray());
    }

    // ---- metadata ----------------------------------------------------------------------------------------------

    public MetaType? CallType => _calls.Count == 0 ? null : _callType ??= BuildEnum("Call", CallTypeParams,
        _calls.OrderBy(c => c.Index).Select(c => new MetaVariant(c.Name, c.Index, c.Args.Select(a => new MetaField(a.Name, a.Codec.Type, a.TypeName)).ToList(), c.Docs)),
        "Contains a variant per dispatchable extrinsic that this pallet has.");

    public MetaType? EventType => _events.Count == 0 ? null : _eventType ??= BuildEnum("Event", EventTypeParams,
        _events.Select(e => new MetaVariant(e.Name, e.Index, e.Fields.Select(a => new MetaField(a.Name, a.Codec.Type, a.TypeName)).ToList(), e.Docs)),
        "The `Event` enum of this pallet");

    public MetaType? ErrorType => _errors.Count == 0 ? null : _errorType ??= BuildEnum("Error", ErrorTypeParams,
        _errors.Select(e => new MetaVariant(e.Name, e.Index, [], e.Docs)),
        "The `Error` enum of this pallet.");

    public PalletMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var storage = _storage.Count == 0 ? null : new PalletStorageMetadata(Name, _storage.Select(s => s.ToMetadata(registry)).ToList());
        uint? calls = CallType is { } c ? registry.Register(c) : null;
        uint? events = EventType is { } e ? registry.Register(e) : null;
        var constants = _constants.Select(k => new PalletConstantMetadata(k.Name, registry.Register(k.Type), k.Value, k.Docs ?? [])).ToList();
        uint? errors = ErrorType is { } er ? registry.Register(er) : null;
        return new PalletMetadata(Name, storage, calls, events, constants, errors, Index, Docs);
    }

    private MetaType BuildEnum(string kind, IReadOnlyList<string> typeParams, IEnumerable<MetaVariant> variants, string doc) =>
        new(Ty.SplitPath($"{Crate}::pallet::{kind}"), typeParams.Select(p => (p, (MetaType?)null)).ToList(), new MetaTypeDef.Variant(variants.ToList()), [doc]);
}
