using Subtensor.Core.Types;
using Subtensor.Runtime.Api;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Pallets.AlphaAssets;
using Subtensor.Runtime.Pallets.AdminUtils;
using Subtensor.Runtime.Pallets.Aura;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Pallets.Grandpa;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Pallets.Sudo;
using Subtensor.Runtime.Pallets.Swap;
using Subtensor.Runtime.Pallets.Timestamp;
using Subtensor.Runtime.Pallets.TransactionPayment;
using Subtensor.Runtime.Pallets.Utility;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime;

/// <summary>
/// The native Subtensor runtime: its pallets at Subtensor's indices, the aggregate call/event types, the transaction
/// extensions, the executive, the metadata and the runtime APIs. Stateless: every entry point takes the state to
/// work on. SubtensorModule 7, AdminUtils 19, Swap 28 and AlphaAssets 31 carry
/// the economy.
/// </summary>
public sealed class SubtensorRuntime : IRuntimeHost
{
    /// <summary>sp_runtime's limit on nested storage layers.</summary>
    public const int TransactionalLimit = 255;

    private readonly Lazy<byte[]> _metadataV14;
    private readonly Lazy<byte[]> _metadataV15;
    private readonly Lazy<Hash256> _metadataHash;

    /// <param name="properties">Token symbol, decimals and SS58 prefix.</param>
    /// <param name="minimumPeriodMs">
    /// pallet_timestamp MinimumPeriod (half the Aura slot): <see cref="MinimumPeriodMs"/> by default, <see cref="FastBlocksMinimumPeriodMs"/>
    /// for Subtensor's <c>fast-blocks</c> build (250 ms slots), which multi-node tests and fast devnets use.
    /// </param>
    public SubtensorRuntime(ChainProperties? properties = null, ulong minimumPeriodMs = MinimumPeriodMs)
    {
        if (minimumPeriodMs == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPeriodMs), "MinimumPeriod must be positive");
        }

        Properties = properties ?? ChainProperties.Tao;
        Outer = new RuntimeOuterTypes();
        Version = new RuntimeVersion
        {
            SpecName = "node-subtensor",
            ImplName = "node-subtensor",
            AuthoringVersion = 1,
            SpecVersion = SpecVersion,
            ImplVersion = 1,
            Apis = RuntimeApis.Declared.Select(a => RuntimeApi.Of(a.Name, a.Version)).ToList(),
            TransactionVersion = 1,
            SystemVersion = 1,
        };

        System = new SystemPallet(Outer, Version, BlockWeights.Subtensor, BlockLength.Subtensor, 2400, Properties.Ss58Format);
        Aura = new AuraPallet(System, 2 * minimumPeriodMs);
        Timestamp = new TimestampPallet(minimumPeriodMs, Aura.OnTimestampSet);
        Grandpa = new GrandpaPallet();
        Balances = new BalancesPallet(System, Outer);
        TransactionPayment = new TransactionPaymentPallet(BlockWeights.Subtensor);
        Utility = new UtilityPallet(Outer);
        Sudo = new SudoPallet(Outer);
        AlphaAssets = new AlphaAssetsPallet();
        SubtensorModule = new SubtensorModulePallet(System, Balances, Aura, AlphaAssets);
        Swap = new SwapPallet(SubtensorModule);
        SubtensorModule.Swap = Swap;
        AdminUtils = new AdminUtilsPallet(SubtensorModule, Grandpa);
        Pallets = new Pallet[] { System, Timestamp, Aura, Grandpa, Balances, TransactionPayment, SubtensorModule, Utility, Sudo, AdminUtils, Swap, AlphaAssets }
            .OrderBy(p => p.Index).ToList();
        if (Pallets.Select(p => p.Index).Distinct().Count() != Pallets.Count)
        {
            throw new InvalidOperationException("two pallets share an index");
        }

        foreach (var p in Pallets)
        {
            p.Attach(this);
        }

        Outer.Complete(Pallets);
        var originCaller = Outer.OriginCaller;
        originCaller.Define(new Framework.TypeInfo.MetaTypeDef.Variant([
            new Framework.TypeInfo.MetaVariant("system", 0, [new Framework.TypeInfo.MetaField(null, RawOriginType, "frame_system::Origin<Runtime>")]),
        ]));
        Extensions = SubtensorExtensionTypes.Build(Outer, out var extrinsicTypes);
        ExtrinsicTypes = extrinsicTypes;
        TransactionExtensions = new SubtensorTransactionExtensions(this);
        Executive = new Executive.Executive(this);
        Apis = new RuntimeApis(this);
        _metadataV14 = new Lazy<byte[]>(() => BuildMetadata(14).Encode());
        _metadataV15 = new Lazy<byte[]>(() => BuildMetadata(15).Encode());
        _metadataHash = new Lazy<Hash256>(() => MerkleizedMetadata.Digest(RuntimeMetadata.Decode(_metadataV15.Value), Version, Properties));
    }

    /// <summary>Subtensor's spec_version this runtime mirrors (runtime/src/lib.rs).</summary>
    public const uint SpecVersion = 425;

    /// <summary>pallet_timestamp MinimumPeriod: half of the 12 s slot.</summary>
    public const ulong MinimumPeriodMs = 6_000;

    /// <summary>MinimumPeriod of Subtensor's <c>fast-blocks</c> feature: half of a 250 ms slot (runtime <c>prod_or_fast!(12000, 250)</c>).</summary>
    public const ulong FastBlocksMinimumPeriodMs = 125;

    public ChainProperties Properties { get; }

    public RuntimeOuterTypes Outer { get; }

    public RuntimeVersion Version { get; }

    public IReadOnlyList<Pallet> Pallets { get; }

    public SystemPallet System { get; }

    public TimestampPallet Timestamp { get; }

    public AuraPallet Aura { get; }

    public GrandpaPallet Grandpa { get; }

    public BalancesPallet Balances { get; }

    public TransactionPaymentPallet TransactionPayment { get; }

    public UtilityPallet Utility { get; }

    public SudoPallet Sudo { get; }

    public SubtensorModulePallet SubtensorModule { get; }

    public AdminUtilsPallet AdminUtils { get; }

    public SwapPallet Swap { get; }

    public AlphaAssetsPallet AlphaAssets { get; }

    public IReadOnlyList<TransactionExtensionDef> Extensions { get; }

    public ExtrinsicTypes ExtrinsicTypes { get; }

    public SubtensorTransactionExtensions TransactionExtensions { get; }

    public Executive.Executive Executive { get; }

    public RuntimeApis Apis { get; }

    /// <summary>SCALE <c>RuntimeMetadataPrefixed</c> V14 (what <c>Metadata_metadata</c> wraps).</summary>
    public byte[] MetadataV14 => _metadataV14.Value;

    public byte[] MetadataV15 => _metadataV15.Value;

    /// <summary>RFC-0078 metadata digest hash (what CheckMetadataHash's enabled mode signs).</summary>
    public Hash256 MetadataHash => _metadataHash.Value;

    public RuntimeMetadata BuildMetadata(int version) =>
        RuntimeMetadataBuilder.Build(version, Pallets, Outer, ExtrinsicTypes, Extensions, version >= 15 ? Apis.Definitions : []);

    public Pallet? FindPallet(string name) => Pallets.FirstOrDefault(p => p.Name == name);

    public RuntimeCall DecodeCall(ReadOnlySpan<byte> bytes) => Outer.CallCodec.DecodeAll(bytes.ToArray());

    public UncheckedExtrinsic DecodeExtrinsic(ReadOnlySpan<byte> bytes) => UncheckedExtrinsic.Decode(bytes, Outer);

    /// <summary>
    /// Subtensor's base call filter (<c>InsideBoth&lt;SafeMode, NoNestingCallFilter&gt;</c>; safe mode is never entered
    /// here): a Utility batch may not directly contain another batch.
    /// </summary>
    public bool CallFilter(RuntimeCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Pallet != Utility || !Utility.IsBatch(call))
        {
            return true;
        }

        return !call.Args.Get<RuntimeCall[]>(0).Any(Utility.IsBatch);
    }

    public void DepositEvent(IStateAccess state, byte[] encodedRuntimeEvent) => System.DepositEventBytes(state, encodedRuntimeEvent);

    public DispatchOutcome Dispatch(IStateAccess state, RuntimeCall call, Origin origin, bool bypassFilter)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(call);
        if (!bypassFilter && !origin.IsRoot && !CallFilter(call))
        {
            return DispatchOutcome.Fail(System.CallFilteredError.Error);
        }

        if (origin.Kind == OriginKind.Authorized)
        {
            return DispatchOutcome.Fail(DispatchError.BadOrigin);
        }

        if (state.TransactionDepth >= TransactionalLimit)
        {
            return DispatchOutcome.Fail(DispatchError.Transactional(0));
        }

        state.StartTransaction();
        DispatchOutcome outcome;
        try
        {
            outcome = call.Def.Handler(state, origin, call.Args);
        }
        catch (DispatchException e)
        {
            state.RollbackTransaction();
            return DispatchOutcome.Fail(e.Error, e.ActualWeight);
        }
        catch
        {
            state.RollbackTransaction();
            throw;
        }

        if (outcome.Error is null)
        {
            state.CommitTransaction();
        }
        else
        {
            state.RollbackTransaction();
        }

        return outcome;
    }

    /// <summary><c>frame_support::dispatch::RawOrigin&lt;AccountId32&gt;</c>.</summary>
    private static readonly Framework.TypeInfo.MetaType RawOriginType = Framework.TypeInfo.Ty.Enum(
        "frame_support::dispatch::RawOrigin", [("AccountId", Framework.TypeInfo.Ty.AccountId32)],
        Framework.TypeInfo.Ty.Variant("Root", 0),
        Framework.TypeInfo.Ty.Variant("Signed", 1, Framework.TypeInfo.Ty.Field(null, Framework.TypeInfo.Ty.AccountId32, "AccountId")),
        Framework.TypeInfo.Ty.Variant("None", 2),
        Framework.TypeInfo.Ty.Variant("Authorized", 3));
}
