using System.Text.Json;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>
/// frame_system (index 0): accounts with nonce and reference counters, block bookkeeping (number, parent hash, digest,
/// block hashes, extrinsic data), events, block weight, and the root-only maintenance calls.
/// </summary>
public sealed class SystemPallet : Pallet
{
    /// <summary>Hash frame_system puts at BlockHash[0] and ParentHash in genesis (<c>hash69</c>): 32 bytes of 69.</summary>
    public static readonly Hash256 Hash69 = new(Enumerable.Repeat((byte)69, 32).ToArray());

    private readonly RuntimeOuterTypes _outer;

    public SystemPallet(RuntimeOuterTypes outer, RuntimeVersion version, BlockWeights blockWeights, BlockLength blockLength, uint blockHashCount, ushort ss58Prefix)
        : base("System", 0, "frame_system")
    {
        _outer = outer;
        Version = version;
        BlockWeights = blockWeights;
        BlockLength = blockLength;
        BlockHashCount = blockHashCount;

        Account = Map("Account", StorageHasher.Blake2_128Concat, Codecs.AccountId, SystemTypes.AccountInfo, AccountInfo.Default,
            " The full account information for a particular account ID.");
        ExtrinsicCount = OptionalValue("ExtrinsicCount", Codecs.U32, " Total extrinsics count for the current block.");
        InherentsApplied = Value("InherentsApplied", Codecs.Bool, false, " Whether all inherents have been applied.");
        BlockWeight = Value("BlockWeight", SystemTypes.ConsumedWeight, default(ConsumedWeight), " The current weight for the block.");
        AllExtrinsicsLen = OptionalValue("AllExtrinsicsLen", Codecs.U32, " Total length (in bytes) for all extrinsics put together, for the current block.");
        BlockHash = Map("BlockHash", StorageHasher.Twox64Concat, Codecs.U32, Codecs.H256, Hash256.Zero, " Map of block numbers to block hashes.");
        ExtrinsicData = Map("ExtrinsicData", StorageHasher.Twox64Concat, Codecs.U32, Codecs.Bytes, [], " Extrinsics data for the current block (maps an extrinsic's index to its data).");
        Number = Value("Number", Codecs.U32, 0u, " The current block number being processed. Set by `execute_block`.");
        ParentHash = Value("ParentHash", Codecs.H256, Hash256.Zero, " Hash of the previous block.");
        Digest = Value("Digest", SystemTypes.Digest, Core.Types.Digest.Empty, " Digest of the current block, also part of the block header.");
        EventRecordCodec = SystemTypes.EventRecord(outer);
        Events = VecValue("Events", EventRecordCodec, " Events deposited for the current block.");
        EventCount = Value("EventCount", Codecs.U32, 0u, " The number of events in the `Events<T>` list.");
        EventTopics = Map("EventTopics", StorageHasher.Blake2_128Concat, Codecs.H256, Codecs.Vec(Codecs.Tuple(Codecs.U32, Codecs.U32)), [],
            " Mapping between a topic (represented by T::Hash) and a vector of indexes of events in the `<Events<T>>` list.");
        LastRuntimeUpgrade = OptionalValue("LastRuntimeUpgrade", SystemTypes.LastRuntimeUpgradeInfo,
            " Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened.");
        UpgradedToU32RefCount = Value("UpgradedToU32RefCount", Codecs.Bool, false, " True if we have upgraded so that `type RefCount` is `u32`. False (default) if not.");
        UpgradedToTripleRefCount = Value("UpgradedToTripleRefCount", Codecs.Bool, false,
            " True if we have upgraded so that AccountInfo contains three types of `RefCount`. False", " (default) if not.");
        ExecutionPhase = OptionalValue("ExecutionPhase", SystemTypes.Phase, " The execution phase of the block.");
        AuthorizedUpgrade = OptionalValue("AuthorizedUpgrade", SystemTypes.CodeUpgradeAuthorization, " `Some` if a code upgrade has been authorized.");
        ExtrinsicWeightReclaimed = Value("ExtrinsicWeightReclaimed", FrameTypes.Weight, Weight.Zero,
            " The weight reclaimed for the extrinsic.");

        var dispatchInfoArg = Arg("dispatch_info", SystemTypes.DispatchEventInfo, "DispatchEventInfo");
        ExtrinsicSuccessEvent = Event(0, "ExtrinsicSuccess", dispatchInfoArg);
        ExtrinsicFailedEvent = Event(1, "ExtrinsicFailed", Arg("dispatch_error", FrameTypes.DispatchError, "DispatchError"), dispatchInfoArg);
        Event(2, "CodeUpdated");
        NewAccountEvent = Event(3, "NewAccount", Arg("account", Codecs.AccountId, "T::AccountId"));
        KilledAccountEvent = Event(4, "KilledAccount", Arg("account", Codecs.AccountId, "T::AccountId"));
        RemarkedEvent = Event(5, "Remarked", Arg("sender", Codecs.AccountId, "T::AccountId"), Arg("hash", Codecs.H256, "T::Hash"));
        UpgradeAuthorizedEvent = Event(6, "UpgradeAuthorized", Arg("code_hash", Codecs.H256, "T::Hash"), Arg("check_version", Codecs.Bool, "bool"));
        Event(7, "RejectedInvalidAuthorizedUpgrade", Arg("code_hash", Codecs.H256, "T::Hash"), Arg("error", FrameTypes.DispatchError, "DispatchError"));

        Error(0, "InvalidSpecName", "The name of specification does not match between the current runtime", "and the new runtime.");
        Error(1, "SpecVersionNeedsToIncrease", "The specification version is not allowed to decrease between the current runtime", "and the new runtime.");
        FailedToExtractRuntimeVersionError = Error(2, "FailedToExtractRuntimeVersion", "Failed to extract the runtime version from the new runtime.", "",
            "Either calling `Core_version` or decoding `RuntimeVersion` failed.");
        Error(3, "NonDefaultComposite", "Suicide called when the account has non-default composite data.");
        Error(4, "NonZeroRefCount", "There is a non-zero reference count preventing the account from being purged.");
        CallFilteredError = Error(5, "CallFiltered", "The origin filter prevent the call to be dispatched.");
        Error(6, "MultiBlockMigrationsOngoing", "A multi-block migration is ongoing and prevents the current code from being replaced.");
        NothingAuthorizedError = Error(7, "NothingAuthorized", "No upgrade authorized.");
        UnauthorizedError = Error(8, "Unauthorized", "The submitted code is not authorized.");

        var remarkArg = Arg("remark", Codecs.Bytes, "Vec<u8>");
        Remark = Call(0, "remark", [remarkArg],
            a => Normal(Weight.FromRefTime(2_119_000 + (390UL * (ulong)a.Get<byte[]>(0).Length))),
            (s, o, a) =>
            {
                EnsureSignedOrRoot(o);
                return DispatchOutcome.Ok();
            },
            "Make some on-chain remark.");
        Call(1, "set_heap_pages", [Arg("pages", Codecs.U64, "u64")],
            _ => Operational(Weight.FromParts(4_782_000, 1485).SaturatingAdd(DbReads(1)).SaturatingAdd(DbWrites(2))),
            (s, o, a) =>
            {
                o.EnsureRoot();
                s.Set(WellKnownKeys.HeapPages, Codecs.U64.Encode(a.Get<ulong>(0)));
                DepositLog(s, DigestItem.RuntimeEnvironmentUpdated);
                return DispatchOutcome.Ok();
            },
            "Set the number of pages in the WebAssembly environment's heap.");
        SetCode = Call(2, "set_code", [Arg("code", Codecs.Bytes, "Vec<u8>")], _ => Operational(BlockWeights.MaxBlock), RefuseCode,
            "Set the new runtime code. (Refused: this runtime is native and cannot load WebAssembly code.)");
        Call(3, "set_code_without_checks", [Arg("code", Codecs.Bytes, "Vec<u8>")], _ => Operational(BlockWeights.MaxBlock), RefuseCode,
            "Set the new runtime code without doing any checks. (Refused: this runtime is native.)");
        Call(4, "set_storage", [Arg("items", Codecs.Vec(Codecs.Tuple(Codecs.Bytes, Codecs.Bytes)), "Vec<KeyValue>")],
            a => Operational(Weight.FromRefTime(2_175_000 + (841_511UL * (ulong)a.Get<(byte[], byte[])[]>(0).Length)).SaturatingAdd(DbWrites((ulong)a.Get<(byte[], byte[])[]>(0).Length))),
            (s, o, a) =>
            {
                o.EnsureRoot();
                foreach (var (k, v) in a.Get<(byte[], byte[])[]>(0))
                {
                    s.Set(k, v);
                }

                return DispatchOutcome.Ok();
            },
            "Set some items of storage.");
        Call(5, "kill_storage", [Arg("keys", Codecs.Vec(Codecs.Bytes), "Vec<Key>")],
            a => Operational(Weight.FromRefTime(2_255_000 + (662_473UL * (ulong)a.Get<byte[][]>(0).Length)).SaturatingAdd(DbWrites((ulong)a.Get<byte[][]>(0).Length))),
            (s, o, a) =>
            {
                o.EnsureRoot();
                foreach (var k in a.Get<byte[][]>(0))
                {
                    s.Clear(k);
                }

                return DispatchOutcome.Ok();
            },
            "Kill some items from storage.");
        Call(6, "kill_prefix", [Arg("prefix", Codecs.Bytes, "Key"), Arg("subkeys", Codecs.U32, "u32")],
            a => Operational(Weight.FromParts(4_270_000 + (1_389_650UL * a.Get<uint>(1)), 128 + (70UL * a.Get<uint>(1))).SaturatingAdd(DbReads(a.Get<uint>(1))).SaturatingAdd(DbWrites(a.Get<uint>(1)))),
            (s, o, a) =>
            {
                o.EnsureRoot();
                s.ClearPrefix(a.Get<byte[]>(0), a.Get<uint>(1));
                return DispatchOutcome.Ok();
            },
            "Kill all storage items with a key that starts with the given prefix.");
        Call(7, "remark_with_event", [remarkArg],
            a => Normal(Weight.FromRefTime(8_097_000 + (1_455UL * (ulong)a.Get<byte[]>(0).Length))),
            (s, o, a) =>
            {
                var who = o.EnsureSigned();
                Deposit(s, RemarkedEvent, who, Hash256.Blake2(a.Get<byte[]>(0)));
                return DispatchOutcome.Ok();
            },
            "Make some on-chain remark and emit event.");
        Call(9, "authorize_upgrade", [Arg("code_hash", Codecs.H256, "T::Hash")],
            _ => Operational(Weight.FromRefTime(33_027_000).SaturatingAdd(DbWrites(1))),
            (s, o, a) => AuthorizeUpgrade(s, o, a.Get<Hash256>(0), true),
            "Authorize an upgrade to a given `code_hash` for the runtime.");
        Call(10, "authorize_upgrade_without_checks", [Arg("code_hash", Codecs.H256, "T::Hash")],
            _ => Operational(Weight.FromRefTime(33_027_000).SaturatingAdd(DbWrites(1))),
            (s, o, a) => AuthorizeUpgrade(s, o, a.Get<Hash256>(0), false),
            "Authorize an upgrade to a given `code_hash` for the runtime, without version checks.");
        Call(11, "apply_authorized_upgrade", [Arg("code", Codecs.Bytes, "Vec<u8>")],
            _ => Operational(Weight.FromParts(118_101_992_000, 1518).SaturatingAdd(DbReads(2)).SaturatingAdd(DbWrites(3))),
            (s, o, a) =>
            {
                if (!AuthorizedUpgrade.TryGet(s, out var auth))
                {
                    throw NothingAuthorizedError.Exception();
                }

                if (Hash256.Blake2(a.Get<byte[]>(0)) != auth.CodeHash)
                {
                    throw UnauthorizedError.Exception();
                }

                throw FailedToExtractRuntimeVersionError.Exception();
            },
            "Provide the preimage (runtime binary) `code` for an upgrade that has been authorized.");

        Constant("BlockWeights", SystemTypes.BlockWeights, blockWeights, " Block & extrinsics weights: base values and limits.");
        Constant("BlockLength", SystemTypes.BlockLength, blockLength, " The maximum length of a block (in bytes).");
        Constant("BlockHashCount", Codecs.U32, blockHashCount, " Maximum number of block number to block hash mappings to keep (oldest pruned first).");
        Constant("DbWeight", SystemTypes.DbWeight, (DbReadWeight, DbWriteWeight), " The weight of runtime database operations the runtime can invoke.");
        Constant("Version", SystemTypes.RuntimeVersion, version, " Get the chain's in-code version.");
        Constant("SS58Prefix", Codecs.U16, ss58Prefix, " The designated SS58 prefix of this chain.");
    }

    /// <summary>RocksDbWeight: 25 µs per read.</summary>
    public const ulong DbReadWeight = 25_000 * Weight.RefTimePerNanos;

    /// <summary>RocksDbWeight: 100 µs per write.</summary>
    public const ulong DbWriteWeight = 100_000 * Weight.RefTimePerNanos;

    public RuntimeVersion Version { get; }

    public BlockWeights BlockWeights { get; }

    public BlockLength BlockLength { get; }

    public uint BlockHashCount { get; }

    public StorageMap<AccountId32, AccountInfo> Account { get; }

    public StorageValue<uint> ExtrinsicCount { get; }

    public StorageValue<bool> InherentsApplied { get; }

    public StorageValue<ConsumedWeight> BlockWeight { get; }

    public StorageValue<uint> AllExtrinsicsLen { get; }

    public StorageMap<uint, Hash256> BlockHash { get; }

    public StorageMap<uint, byte[]> ExtrinsicData { get; }

    public StorageValue<uint> Number { get; }

    public StorageValue<Hash256> ParentHash { get; }

    public StorageValue<Digest> Digest { get; }

    public ScaleCodec<EventRecord> EventRecordCodec { get; }

    public StorageVecValue<EventRecord> Events { get; }

    public StorageValue<uint> EventCount { get; }

    public StorageMap<Hash256, (uint, uint)[]> EventTopics { get; }

    public StorageValue<LastRuntimeUpgradeInfo> LastRuntimeUpgrade { get; }

    public StorageValue<bool> UpgradedToU32RefCount { get; }

    public StorageValue<bool> UpgradedToTripleRefCount { get; }

    public StorageValue<Phase> ExecutionPhase { get; }

    public StorageValue<(Hash256 CodeHash, bool CheckVersion)> AuthorizedUpgrade { get; }

    public StorageValue<Weight> ExtrinsicWeightReclaimed { get; }

    public CallDef Remark { get; }

    public CallDef SetCode { get; }

    public EventDef ExtrinsicSuccessEvent { get; }

    public EventDef ExtrinsicFailedEvent { get; }

    public EventDef NewAccountEvent { get; }

    public EventDef KilledAccountEvent { get; }

    public EventDef RemarkedEvent { get; }

    public EventDef UpgradeAuthorizedEvent { get; }

    public ErrorDef FailedToExtractRuntimeVersionError { get; }

    public ErrorDef CallFilteredError { get; }

    public ErrorDef NothingAuthorizedError { get; }

    public ErrorDef UnauthorizedError { get; }

    public static Weight DbReads(ulong n) => Weight.FromRefTime(DbReadWeight * n);

    public static Weight DbWrites(ulong n) => Weight.FromRefTime(DbWriteWeight * n);

    private static DispatchInfo Operational(Weight w) => new(w, Weight.Zero, DispatchClass.Operational, Pays.Yes);

    private static void EnsureSignedOrRoot(Origin o)
    {
        if (o.Kind == OriginKind.None)
        {
            throw new DispatchException(DispatchError.BadOrigin);
        }
    }

    private DispatchOutcome RefuseCode(IStateAccess state, Origin origin, CallArgs args)
    {
        origin.EnsureRoot();
        throw FailedToExtractRuntimeVersionError.Exception();
    }

    private DispatchOutcome AuthorizeUpgrade(IStateAccess state, Origin origin, Hash256 codeHash, bool checkVersion)
    {
        origin.EnsureRoot();
        AuthorizedUpgrade.Put(state, (codeHash, checkVersion));
        Deposit(state, UpgradeAuthorizedEvent, codeHash, checkVersion);
        return DispatchOutcome.Ok();
    }

    // ---- accounts and reference counting (frame_system) ---------------------------------------------------------

    public AccountInfo GetAccount(IStateAccess state, AccountId32 who) => Account.Get(state, who);

    public uint AccountNonce(IStateAccess state, AccountId32 who) => Account.Get(state, who).Nonce;

    public void IncAccountNonce(IStateAccess state, AccountId32 who) => Account.Mutate(state, who, a => a with { Nonce = a.Nonce + 1 });

    public uint Providers(IStateAccess state, AccountId32 who) => Account.Get(state, who).Providers;

    /// <summary><c>inc_providers</c>: creates the account (NewAccount) when it had no providers and no sufficients.</summary>
    public void IncProviders(IStateAccess state, AccountId32 who)
    {
        var a = Account.Get(state, who);
        if (a.Providers == 0 && a.Sufficients == 0)
        {
            Account.Insert(state, who, a with { Providers = 1 });
            Deposit(state, NewAccountEvent, who);
        }
        else
        {
            Account.Insert(state, who, a with { Providers = a.Providers + 1 });
        }
    }

    /// <summary><c>dec_providers</c>: reaps the account (KilledAccount) when the last provider goes; refuses while consumers remain.</summary>
    public DispatchError? DecProviders(IStateAccess state, AccountId32 who)
    {
        if (!Account.TryGet(state, who, out var a))
        {
            return null;
        }

        var providers = a.Providers == 0 ? 1u : a.Providers;
        if (providers == 1 && a.Consumers == 0 && a.Sufficients == 0)
        {
            Account.Remove(state, who);
            Deposit(state, KilledAccountEvent, who);
            return null;
        }

        if (providers == 1 && a.Consumers > 0)
        {
            return DispatchError.ConsumerRemaining;
        }

        Account.Insert(state, who, a with { Providers = providers - 1 });
        return null;
    }

    /// <summary><c>can_dec_provider</c>: whether removing one provider keeps the account valid.</summary>
    public bool CanDecProvider(IStateAccess state, AccountId32 who)
    {
        var a = Account.Get(state, who);
        return a.Consumers == 0 || a.Providers > 1;
    }

    /// <summary><c>inc_consumers</c> (MaxConsumers 16): needs a provider.</summary>
    public DispatchError? IncConsumers(IStateAccess state, AccountId32 who)
    {
        var a = Account.Get(state, who);
        if (a.Providers == 0)
        {
            return DispatchError.NoProviders;
        }

        if (a.Consumers >= 16)
        {
            return DispatchError.TooManyConsumers;
        }

        Account.Insert(state, who, a with { Consumers = a.Consumers + 1 });
        return null;
    }

    public void DecConsumers(IStateAccess state, AccountId32 who)
    {
        if (Account.TryGet(state, who, out var a) && a.Consumers > 0)
        {
            Account.Insert(state, who, a with { Consumers = a.Consumers - 1 });
        }
    }

    // ---- events and digest ---------------------------------------------------------------------------------------

    /// <summary><c>deposit_event</c>: no events at genesis (block 0); otherwise append an EventRecord for the current phase.</summary>
    public void DepositEventBytes(IStateAccess state, byte[] encodedRuntimeEvent)
    {
        ArgumentNullException.ThrowIfNull(encodedRuntimeEvent);
        if (Number.Get(state) == 0)
        {
            return;
        }

        var phase = ExecutionPhase.TryGet(state, out var p) ? p : Phase.Initialization;
        var count = EventCount.Get(state);
        if (count == uint.MaxValue)
        {
            return;
        }

        EventCount.Put(state, count + 1);
        var w = new ScaleWriter(encodedRuntimeEvent.Length + 8);
        phase.EncodeTo(w);
        w.WriteBytes(encodedRuntimeEvent);
        w.WriteCompact(0u);
        state.Append(Events.Key, w.ToArray());
    }

    public void DepositLog(IStateAccess state, DigestItem item)
    {
        var d = Digest.Get(state);
        Digest.Put(state, new Digest([.. d.Logs, item]));
    }

    public void ResetEvents(IStateAccess state)
    {
        Events.Kill(state);
        EventCount.Kill(state);
        EventTopics.ClearAll(state);
    }

    public EventRecord[] ReadEvents(IStateAccess state) => Events.Get(state);

    // ---- block lifecycle ---------------------------------------------------------------------------------------

    /// <summary>frame_system <c>initialize</c>: phase, extrinsic index, entropy, number, digest, parent hash, BlockHash[n-1].</summary>
    public void Initialize(IStateAccess state, uint number, Hash256 parentHash, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(state);
        ExecutionPhase.Put(state, Phase.Initialization);
        state.Set(WellKnownKeys.ExtrinsicIndex, Codecs.U32.Encode(0));
        var entropy = Blake2b.Blake2b256([.. "frame_system::initialize"u8, .. parentHash.ToArray()]);
        state.Set(WellKnownKeys.IntrablockEntropy, entropy);
        Number.Put(state, number);
        Digest.Put(state, digest);
        ParentHash.Put(state, parentHash);
        BlockHash.Insert(state, number - 1, parentHash);
        BlockWeight.Kill(state);
    }

    public uint ExtrinsicIndex(IStateAccess state) =>
        state.Get(WellKnownKeys.ExtrinsicIndex) is { Length: 4 } b ? Codecs.U32.DecodeAll(b) : 0;

    public void NoteExtrinsic(IStateAccess state, byte[] encodedExtrinsic) => ExtrinsicData.Insert(state, ExtrinsicIndex(state), encodedExtrinsic);

    public void NoteFinishedInitialize(IStateAccess state) => ExecutionPhase.Put(state, Phase.ApplyExtrinsic(0));

    /// <summary><c>note_applied_extrinsic</c>: ExtrinsicSuccess/Failed with the actual weight (plus the class base weight), then the next index.</summary>
    public void NoteAppliedExtrinsic(IStateAccess state, DispatchOutcome outcome, DispatchInfo info)
    {
        var weight = outcome.Post.CalcActualWeight(info).SaturatingAdd(BlockWeights.ForClass(info.Class).BaseExtrinsic);
        var eventInfo = new DispatchEventInfo(weight, info.Class, outcome.Post.CalcActualPays(info));
        if (outcome.Error is null)
        {
            Deposit(state, ExtrinsicSuccessEvent, eventInfo);
        }
        else
        {
            Deposit(state, ExtrinsicFailedEvent, outcome.Error, eventInfo);
        }

        var next = ExtrinsicIndex(state) + 1;
        state.Set(WellKnownKeys.ExtrinsicIndex, Codecs.U32.Encode(next));
        ExecutionPhase.Put(state, Phase.ApplyExtrinsic(next));
    }

    public void NoteFinishedExtrinsics(IStateAccess state)
    {
        var index = ExtrinsicIndex(state);
        state.Clear(WellKnownKeys.ExtrinsicIndex);
        ExtrinsicCount.Put(state, index);
        ExecutionPhase.Put(state, Phase.Finalization);
    }

    public void RegisterExtraWeightUnchecked(IStateAccess state, Weight weight, DispatchClass c) =>
        BlockWeight.Mutate(state, w => w.Add(weight, c));

    /// <summary>frame_system <c>finalize</c>: clears per-block items, computes the extrinsics root (V0 ordered trie of the noted extrinsics) and the state root, and returns the header.</summary>
    public Header Finalize(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ExecutionPhase.Kill(state);
        AllExtrinsicsLen.Kill(state);
        state.Clear(WellKnownKeys.IntrablockEntropy);
        InherentsApplied.Kill(state);

        var number = Number.Get(state);
        var parentHash = ParentHash.Get(state);
        var digest = Digest.Get(state);
        var count = ExtrinsicCount.Take(state);
        var extrinsics = new List<byte[]>((int)count);
        for (uint i = 0; i < count; i++)
        {
            extrinsics.Add(ExtrinsicData.Take(state, i));
        }

        var extrinsicsRoot = TrieRootBuilder.OrderedRoot(extrinsics, TrieLayout.V0);
        var toRemove = number > BlockHashCount ? number - BlockHashCount - 1 : 0;
        if (toRemove != 0)
        {
            BlockHash.Remove(state, toRemove);
        }

        var stateRoot = state.Root(Version.StateVersion == 0 ? StateVersion.V0 : StateVersion.V1);
        return new Header(parentHash, number, stateRoot, extrinsicsRoot, digest);
    }

    // ---- genesis -------------------------------------------------------------------------------------------------

    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        ArgumentNullException.ThrowIfNull(state);
        BlockHash.Insert(state, 0, Hash69);
        ParentHash.Put(state, Hash69);
        LastRuntimeUpgrade.Put(state, new LastRuntimeUpgradeInfo(Version.SpecVersion, Version.SpecName));
        UpgradedToU32RefCount.Put(state, true);
        UpgradedToTripleRefCount.Put(state, true);
        state.Set(WellKnownKeys.ExtrinsicIndex, Codecs.U32.Encode(0));
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?>();
}
