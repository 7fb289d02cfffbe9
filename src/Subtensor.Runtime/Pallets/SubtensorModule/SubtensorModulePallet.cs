using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.Aura;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Pallets.Swap;
using Subtensor.Runtime.Pallets.AlphaAssets;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// pallet_subtensor (runtime index 7): subnets, neurons, staking through the subnet pools, take, serving, and the
/// owner/root hyperparameters it owns. Storage, events, errors and call indices are Subtensor's (spec 425); the per-block
/// coinbase and the Yuma epoch belong to the next issue and slot into <see cref="OnInitialize"/> after the registration
/// price decay, where <c>block_step</c> runs them in Subtensor.
/// </summary>
public sealed partial class SubtensorModulePallet : Pallet
{
    /// <summary><c>SubtensorInitialDefaultTake</c>: 18 % as u16.</summary>
    public const ushort InitialDefaultTake = 11_796;

    /// <summary><c>INITIAL_SUBNET_TEMPO</c> (production runtime).</summary>
    public const ushort InitialTempo = 360;

    /// <summary><c>MIN_TEMPO</c> / <c>MAX_TEMPO</c>.</summary>
    public const ushort MinTempo = 360;

    public const ushort MaxTempo = 50_400;

    public const uint MinActivityCutoffFactorMilli = 1_000;

    public const uint MaxActivityCutoffFactorMilli = 50_000;

    /// <summary><c>SubtensorInitialMinStake</c>: <c>DefaultMinStake</c>, 0.002 TAO.</summary>
    public const ulong DefaultMinStake = 2_000_000;

    public const ulong MinBurnUpperBound = 1_000_000_000;

    public const ulong MaxBurnLowerBound = 100_000_000;

    /// <summary><c>DefaultNeuronBurnCost</c>: the burn of a freshly registered subnet, 1 TAO.</summary>
    public const ulong DefaultNeuronBurnCost = 1_000_000_000;

    /// <summary><c>SubtensorInitialKeySwapCost</c> and <c>SubtensorInitialKeySwapOnSubnetCost</c>.</summary>
    public const ulong KeySwapCost = 100_000_000;

    public const ulong KeySwapOnSubnetCost = 1_000_000;

    /// <summary><c>HotkeySwapOnSubnetInterval</c> (production): one day.</summary>
    public const ulong HotkeySwapOnSubnetInterval = 7_200;

    /// <summary><c>MaxBurnHalfLife</c>, <c>MinImmuneOwnerUidsLimit</c>, <c>MaxImmuneOwnerUidsLimit</c>.</summary>
    public const ushort MaxBurnHalfLife = 36_100;

    public const ushort MinImmuneOwnerUidsLimit = 1;

    public const ushort MaxImmuneOwnerUidsLimit = 10;

    /// <summary><c>DefaultSetSNOwnerHotkeyRateLimit</c>.</summary>
    public const ulong SetSnOwnerHotkeyRateLimit = 50_400;

    /// <summary><c>MAX_COMMIT_REVEAL_PEROIDS</c> bounds, <c>MAX_NUM_ROOT_CLAIMS</c>, <c>MAX_ROOT_CLAIM_THRESHOLD</c>.</summary>
    public const ulong MinCommitRevealPeriods = 1;

    public const ulong MaxCommitRevealPeriods = 100;

    public const ulong MaxNumRootClaims = 50;

    public const ulong MaxRootClaimThreshold = 10_000_000;

    /// <summary><c>GLOBAL_MAX_SUBNET_COUNT</c> and <c>MAX_MECHANISM_COUNT_PER_SUBNET</c>.</summary>
    public const ushort GlobalMaxSubnetCount = 4096;

    public const byte MaxMechanismCountPerSubnet = 16;

    public const ushort RootNetUid = 0;

    /// <summary><c>SubtensorPalletId</c> and <c>BurnAccountId</c>.</summary>
    public static readonly byte[] SubtensorPalletId = "subtensr"u8.ToArray();

    public static readonly byte[] BurnPalletId = "burntnsr"u8.ToArray();

    /// <summary>Unicode tau (𝜏), the default <c>TokenSymbol</c>.</summary>
    public static readonly byte[] TauSymbol = [0xF0, 0x9D, 0x9C, 0x8F];

    /// <summary><c>DefaultMovingAlpha</c>: I96F32::saturating_from_num(0.000003) (IEEE bits of the f64 literal).</summary>
    public static readonly I96F32 DefaultSubnetMovingAlpha = I96F32.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.000003));

    private readonly SystemPallet _system;
    private readonly BalancesPallet _balances;
    private readonly AuraPallet _aura;
    private readonly ErrorDef[] _errorDefs;
    private readonly EventDef[] _eventDefs;

    public SubtensorModulePallet(SystemPallet system, BalancesPallet balances, AuraPallet aura, AlphaAssetsPallet alphaAssets)
        : base("SubtensorModule", 7, "pallet_subtensor")
    {
        _system = system ?? throw new ArgumentNullException(nameof(system));
        _balances = balances ?? throw new ArgumentNullException(nameof(balances));
        _aura = aura ?? throw new ArgumentNullException(nameof(aura));
        AlphaAssets = alphaAssets ?? throw new ArgumentNullException(nameof(alphaAssets));
        DeclareStorage();
        DeclareEvents();
        DeclareErrors();
        DeclareCalls();
        DeclareConstants();
        _errorDefs = DeclaredErrors.OrderBy(e => e.Index).ToArray();
        _eventDefs = DeclaredEvents.OrderBy(e => e.Index).ToArray();
        if (_errorDefs.Length != Enum.GetValues<SubtensorError>().Length || _eventDefs.Length != Enum.GetValues<SubtensorEvent>().Length)
        {
            throw new InvalidOperationException("SubtensorModule errors/events do not match their enums");
        }
    }

    public override ushort InCodeStorageVersion => 7;

    /// <summary>The swap pallet (index 28), set by the runtime once both exist.</summary>
    public SwapPallet Swap { get; internal set; } = null!;

    public AlphaAssetsPallet AlphaAssets { get; }

    internal BalancesPallet Balances => _balances;

    /// <summary>The account of a pallet id: "modl" ++ id ++ zeros (<c>into_account_truncating</c>).</summary>
    public static AccountId32 PalletAccount(byte[] palletId)
    {
        ArgumentNullException.ThrowIfNull(palletId);
        var bytes = new byte[32];
        "modl"u8.CopyTo(bytes);
        palletId.CopyTo(bytes, 4);
        return new AccountId32(bytes);
    }

    /// <summary>A subnet's account: "modl" ++ "subtensr" ++ netuid (u16 LE) ++ zeros (<c>into_sub_account_truncating</c>).</summary>
    public static AccountId32 SubnetAccount(ushort netuid)
    {
        var bytes = new byte[32];
        "modl"u8.CopyTo(bytes);
        SubtensorPalletId.CopyTo(bytes, 4);
        bytes[12] = (byte)netuid;
        bytes[13] = (byte)(netuid >> 8);
        return new AccountId32(bytes);
    }

    /// <summary>The burn account ("modl" ++ "burntnsr").</summary>
    public static AccountId32 BurnAccount { get; } = PalletAccount(BurnPalletId);

    /// <summary><c>is_subnet_account_id</c>: the netuid when <paramref name="account"/> is a subnet account of this pallet id.</summary>
    public static ushort? SubnetOfAccount(AccountId32 account)
    {
        var b = account.ToArray();
        if (!b.AsSpan(0, 4).SequenceEqual("modl"u8) || !b.AsSpan(4, 8).SequenceEqual(SubtensorPalletId))
        {
            return null;
        }

        for (var i = 14; i < 32; i++)
        {
            if (b[i] != 0)
            {
                return null;
            }
        }

        return (ushort)(b[12] | (b[13] << 8));
    }

    public ErrorDef ErrorOf(SubtensorError e) => _errorDefs[(int)e];

    public EventDef EventOf(SubtensorEvent e) => _eventDefs[(int)e];

    internal DispatchException Err(SubtensorError e) => _errorDefs[(int)e].Exception();

    internal void Ensure(bool condition, SubtensorError e)
    {
        if (!condition)
        {
            throw Err(e);
        }
    }

    internal void Emit(IStateAccess state, SubtensorEvent e, params object?[] fields) => Deposit(state, _eventDefs[(int)e], fields);

    /// <summary>Deposits one of this pallet's events on behalf of another pallet (AdminUtils calls Subtensor's setters).</summary>
    internal void EmitFrom(IStateAccess state, SubtensorEvent e, params object?[] fields) => Deposit(state, _eventDefs[(int)e], fields);

    internal ulong CurrentBlock(IStateAccess state) => _system.Number.Get(state);

    internal AccountId32? BlockAuthor(IStateAccess state) => _aura.CurrentAuthor(state);

    private void Ev(SubtensorEvent e, params CallArg[] fields) => Event((byte)e, e.ToString(), fields);
}
