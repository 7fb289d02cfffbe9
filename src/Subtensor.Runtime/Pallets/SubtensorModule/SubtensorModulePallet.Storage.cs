using Subtensor.Core.Arithmetic;
using Subtensor.Core.Hashing;
using Subtensor.Core.Types;
using Subtensor.Economics.Registration;
using Subtensor.Economics.Staking;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Storage of pallet_subtensor, in declaration order, with Subtensor's names, hashers, query kinds and defaults
// (pallets/subtensor/src/lib.rs at 14bc6f9f; defaults from the production runtime's Initial* constants).
public sealed partial class SubtensorModulePallet
{
    private void DeclareStorage()
    {
        MinActivityCutoff = Value("MinActivityCutoff", Codecs.U16, (ushort)360);
        AdminFreezeWindow = Value("AdminFreezeWindow", Codecs.U16, (ushort)10);
        OwnerHyperparamRateLimit = Value("OwnerHyperparamRateLimit", Codecs.U16, (ushort)2);
        DissolveNetworkScheduleDuration = Value("DissolveNetworkScheduleDuration", Codecs.U32, (uint)(36_000));
        LastHotkeySwapOnNetuid = DoubleMap("LastHotkeySwapOnNetuid", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U64, (ulong)0, optional: false);
        NextStakeJobId = Value("NextStakeJobId", Codecs.U64, (ulong)0);
        TaoWeight = Value("TaoWeight", Codecs.U64, (ulong)(971_718_665_099_567_868));
        CKBurn = Value("CKBurn", Codecs.U64, (ulong)0);
        MaxDelegateTake = Value("MaxDelegateTake", Codecs.U16, (ushort)(InitialDefaultTake));
        MinDelegateTake = Value("MinDelegateTake", Codecs.U16, (ushort)0);
        MaxChildkeyTake = Value("MaxChildkeyTake", Codecs.U16, (ushort)(11_796));
        MinChildkeyTake = Value("MinChildkeyTake", Codecs.U16, (ushort)0);
        MinChildkeyTakePerSubnet = Map("MinChildkeyTakePerSubnet", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        Owner = Map("Owner", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.AccountId, default);
        AccountFlags = Map("AccountFlags", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U128, UInt128.Zero);
        Delegates = Map("Delegates", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U16, (ushort)(InitialDefaultTake));
        ChildkeyTake = DoubleMap("ChildkeyTake", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0, optional: false);
        PendingChildKeys = DoubleMap("PendingChildKeys", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.PendingChildren, ([], 0UL), optional: false);
        ChildKeys = DoubleMap("ChildKeys", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, SubtensorTypes.AccountLinkage, [], optional: false);
        ParentKeys = DoubleMap("ParentKeys", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, SubtensorTypes.AccountLinkage, [], optional: false);
        AlphaDividendsPerSubnet = DoubleMap("AlphaDividendsPerSubnet", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U64, (ulong)0, optional: false);
        RootAlphaDividendsPerSubnet = DoubleMap("RootAlphaDividendsPerSubnet", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U64, (ulong)0, optional: false);
        BlockEmission = Value("BlockEmission", Codecs.U64, (ulong)(1_000_000_000));
        LastHotkeyEmissionOnNetuid = DoubleMap("LastHotkeyEmissionOnNetuid", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0, optional: false);
        SubnetLimit = Value("SubnetLimit", Codecs.U16, (ushort)128);
        TotalIssuance = Value("TotalIssuance", Codecs.U64, (ulong)0);
        TotalStake = Value("TotalStake", Codecs.U64, (ulong)0);
        SubnetMovingAlpha = Value("SubnetMovingAlpha", SubtensorTypes.I96F32Codec, DefaultSubnetMovingAlpha);
        SubnetMovingPrice = Map("SubnetMovingPrice", StorageHasher.Identity, Codecs.U16, SubtensorTypes.I96F32Codec, I96F32.Zero);
        RootProp = Map("RootProp", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U96F32Codec, U96F32.Zero);
        SubnetVolume = Map("SubnetVolume", StorageHasher.Identity, Codecs.U16, Codecs.U128, UInt128.Zero);
        SubnetTAO = Map("SubnetTAO", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetAlphaInEmission = Map("SubnetAlphaInEmission", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetEmissionEnabled = Map("SubnetEmissionEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        SubnetAlphaOutEmission = Map("SubnetAlphaOutEmission", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetTaoInEmission = Map("SubnetTaoInEmission", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetExcessTao = Map("SubnetExcessTao", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetRootSellTao = Map("SubnetRootSellTao", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetAlphaIn = Map("SubnetAlphaIn", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetAlphaOut = Map("SubnetAlphaOut", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetProtocolAlpha = Map("SubnetProtocolAlpha", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        StakingHotkeys = Map("StakingHotkeys", StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.AccountVec, []);
        OwnedHotkeys = Map("OwnedHotkeys", StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.AccountVec, []);
        AutoStakeDestination = DoubleMap("AutoStakeDestination", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.AccountId, default, optional: true);
        AutoStakeDestinationColdkeys = DoubleMap("AutoStakeDestinationColdkeys", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, SubtensorTypes.AccountVec, [], optional: false);
        ColdkeySwapAnnouncementDelay = Value("ColdkeySwapAnnouncementDelay", Codecs.U32, (uint)(36_000));
        ColdkeySwapReannouncementDelay = Value("ColdkeySwapReannouncementDelay", Codecs.U32, (uint)(7_200));
        ColdkeySwapAnnouncements = OptionalMap("ColdkeySwapAnnouncements", StorageHasher.Twox64Concat, Codecs.AccountId, SubtensorTypes.Opaque(Ty.Tuple(Ty.U32, Ty.H256)));
        ColdkeySwapDisputes = OptionalMap("ColdkeySwapDisputes", StorageHasher.Twox64Concat, Codecs.AccountId, Codecs.U32);
        TotalHotkeyAlpha = DoubleMap("TotalHotkeyAlpha", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0, optional: false);
        TotalHotkeyAlphaLastEpoch = DoubleMap("TotalHotkeyAlphaLastEpoch", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0, optional: false);
        TotalHotkeyShares = DoubleMap("TotalHotkeyShares", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, SubtensorTypes.U64F64Codec, U64F64.Zero, optional: false);
        Alpha = NMap("Alpha", (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Identity, Codecs.U16), SubtensorTypes.U64F64Codec, U64F64.Zero, optional: false);
        TotalHotkeySharesV2 = DoubleMap("TotalHotkeySharesV2", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, SubtensorTypes.SafeFloatCodec, SafeFloat.Zero, optional: false);
        AlphaV2 = NMap("AlphaV2", (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Identity, Codecs.U16), SubtensorTypes.SafeFloatCodec, SafeFloat.Zero, optional: false);
        Lock = NMap("Lock", (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Identity, Codecs.U16), (StorageHasher.Blake2_128Concat, Codecs.AccountId), SubtensorTypes.Opaque(SubtensorTypes.LockStateType), [], optional: true);
        LockingColdkeys = NMap("LockingColdkeys", (StorageHasher.Identity, Codecs.U16), (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Blake2_128Concat, Codecs.AccountId), SubtensorTypes.Opaque(Ty.Unit), [], optional: true);
        HotkeyLock = DoubleMap("HotkeyLock", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.Opaque(SubtensorTypes.LockStateType), [], optional: true);
        DecayingHotkeyLock = DoubleMap("DecayingHotkeyLock", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.Opaque(SubtensorTypes.LockStateType), [], optional: true);
        OwnerLock = OptionalMap("OwnerLock", StorageHasher.Identity, Codecs.U16, SubtensorTypes.Opaque(SubtensorTypes.LockStateType));
        DecayingOwnerLock = OptionalMap("DecayingOwnerLock", StorageHasher.Identity, Codecs.U16, SubtensorTypes.Opaque(SubtensorTypes.LockStateType));
        DecayingLock = DoubleMap("DecayingLock", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.Bool, false, optional: true);
        OwnerCutAutoLockEnabled = Map("OwnerCutAutoLockEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, false);
        MaturityRate = Value("MaturityRate", Codecs.U64, (ulong)(934_866));
        UnlockRate = Value("UnlockRate", Codecs.U64, (ulong)(934_866));
        AlphaMapLastKey = Value("AlphaMapLastKey", SubtensorTypes.Opaque(Ty.Option(Ty.Bytes)), [0]);
        AlphaV2MapLastKey = Value("AlphaV2MapLastKey", SubtensorTypes.Opaque(Ty.Option(Ty.Bytes)), [0]);
        TokenSymbol = Map("TokenSymbol", StorageHasher.Identity, Codecs.U16, Codecs.Bytes, TauSymbol);
        SubnetTaoFlow = Map("SubnetTaoFlow", StorageHasher.Identity, Codecs.U16, SubtensorTypes.I64Codec, (long)0);
        SubnetEmaTaoFlow = OptionalMap("SubnetEmaTaoFlow", StorageHasher.Identity, Codecs.U16, SubtensorTypes.Opaque(Ty.Tuple(Ty.U64, SubtensorTypes.I64F64Codec.Type)));
        NetTaoFlowEnabled = Value("NetTaoFlowEnabled", Codecs.Bool, true);
        SubnetProtocolFlow = Map("SubnetProtocolFlow", StorageHasher.Identity, Codecs.U16, SubtensorTypes.I64Codec, (long)0);
        SubnetEmaProtocolFlow = OptionalMap("SubnetEmaProtocolFlow", StorageHasher.Identity, Codecs.U16, SubtensorTypes.Opaque(Ty.Tuple(Ty.U64, SubtensorTypes.I64F64Codec.Type)));
        TaoFlowCutoff = Value("TaoFlowCutoff", SubtensorTypes.I64F64Codec, I64F64.Zero);
        FlowNormExponent = Value("FlowNormExponent", SubtensorTypes.U64F64Codec, U64F64.One);
        FlowEmaSmoothingFactor = Value("FlowEmaSmoothingFactor", Codecs.U64, (ulong)(29_597_889_189_277));
        UsedWork = Map("UsedWork", StorageHasher.Identity, Codecs.Bytes, Codecs.U64, (ulong)0);
        MaxRegistrationsPerBlock = Map("MaxRegistrationsPerBlock", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)1);
        TotalNetworks = Value("TotalNetworks", Codecs.U16, (ushort)0);
        NetworkImmunityPeriod = Value("NetworkImmunityPeriod", Codecs.U64, (ulong)(1_296_000));
        StartCallDelay = Value("StartCallDelay", Codecs.U64, (ulong)0);
        NetworkMinLockCost = Value("NetworkMinLockCost", Codecs.U64, (ulong)(1_000_000_000_000));
        NetworkLastLockCost = Value("NetworkLastLockCost", Codecs.U64, (ulong)(1_000_000_000_000));
        NetworkLockReductionInterval = Value("NetworkLockReductionInterval", Codecs.U64, (ulong)(100_800));
        SubnetOwnerCut = Value("SubnetOwnerCut", Codecs.U16, (ushort)(11_796));
        OwnerCutEnabled = Map("OwnerCutEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        NetworkRateLimit = Value("NetworkRateLimit", Codecs.U64, (ulong)(7_200));
        NominatorMinRequiredStake = Value("NominatorMinRequiredStake", Codecs.U64, (ulong)0);
        WeightsVersionKeyRateLimit = Value("WeightsVersionKeyRateLimit", Codecs.U64, (ulong)5);
        LastRateLimitedBlock = Map("LastRateLimitedBlock", StorageHasher.Identity, SubtensorTypes.RateLimitKeyCodec, Codecs.U64, (ulong)0);
        TransferToggle = Map("TransferToggle", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        SubnetLocked = Map("SubnetLocked", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        LargestLocked = Map("LargestLocked", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        Tempo = Map("Tempo", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)(InitialTempo));
        LastEpochBlock = Map("LastEpochBlock", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        PendingEpochAt = Map("PendingEpochAt", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetEpochIndex = Map("SubnetEpochIndex", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        ActivityCutoffFactorMilli = Map("ActivityCutoffFactorMilli", StorageHasher.Identity, Codecs.U16, Codecs.U32, (uint)(13_889));
        FirstEmissionBlockNumber = OptionalMap("FirstEmissionBlockNumber", StorageHasher.Identity, Codecs.U16, Codecs.U64);
        SubnetMechanism = Map("SubnetMechanism", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        SubnetworkN = Map("SubnetworkN", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        NetworksAdded = Map("NetworksAdded", StorageHasher.Identity, Codecs.U16, Codecs.Bool, false);
        IsNetworkMember = DoubleMap("IsNetworkMember", StorageHasher.Blake2_128Concat, Codecs.AccountId, StorageHasher.Identity, Codecs.U16, Codecs.Bool, false, optional: false);
        NetworkRegistrationAllowed = Map("NetworkRegistrationAllowed", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        NetworkPowRegistrationAllowed = Map("NetworkPowRegistrationAllowed", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        NetworkRegisteredAt = Map("NetworkRegisteredAt", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        RegisteredSubnetCounter = Map("RegisteredSubnetCounter", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        PendingServerEmission = Map("PendingServerEmission", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        PendingValidatorEmission = Map("PendingValidatorEmission", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        PendingRootAlphaDivs = Map("PendingRootAlphaDivs", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        PendingOwnerCut = Map("PendingOwnerCut", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        MinerBurned = Map("MinerBurned", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U96F32Codec, U96F32.Zero);
        BlocksSinceLastStep = Map("BlocksSinceLastStep", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        LastMechansimStepBlock = Map("LastMechansimStepBlock", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        SubnetOwner = Map("SubnetOwner", StorageHasher.Identity, Codecs.U16, Codecs.AccountId, default);
        SubnetOwnerHotkey = Map("SubnetOwnerHotkey", StorageHasher.Identity, Codecs.U16, Codecs.AccountId, default);
        RecycleOrBurn = Map("RecycleOrBurn", StorageHasher.Identity, Codecs.U16, SubtensorTypes.RecycleOrBurnCodec, global::Subtensor.Runtime.Pallets.SubtensorModule.RecycleOrBurn.Burn);
        ServingRateLimit = Map("ServingRateLimit", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)50);
        Rho = Map("Rho", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)10);
        AlphaSigmoidSteepness = Map("AlphaSigmoidSteepness", StorageHasher.Identity, Codecs.U16, SubtensorTypes.I16Codec, (short)1000);
        Kappa = Map("Kappa", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)(32_767));
        RegistrationsThisInterval = Map("RegistrationsThisInterval", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        POWRegistrationsThisInterval = Map("POWRegistrationsThisInterval", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        BurnRegistrationsThisInterval = Map("BurnRegistrationsThisInterval", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        MinAllowedUids = Map("MinAllowedUids", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)64);
        MaxAllowedUids = Map("MaxAllowedUids", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)256);
        ImmunityPeriod = Map("ImmunityPeriod", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)4096);
        ActivityCutoff = Map("ActivityCutoff", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)5000);
        MaxWeightsLimit = Map("MaxWeightsLimit", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)(ushort.MaxValue));
        WeightsVersionKey = Map("WeightsVersionKey", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        MinAllowedWeights = Map("MinAllowedWeights", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)1024);
        MaxAllowedValidators = Map("MaxAllowedValidators", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)128);
        AdjustmentInterval = Map("AdjustmentInterval", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)100);
        BondsMovingAverage = Map("BondsMovingAverage", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(900_000));
        BondsPenalty = Map("BondsPenalty", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)(ushort.MaxValue));
        BondsResetOn = Map("BondsResetOn", StorageHasher.Identity, Codecs.U16, Codecs.Bool, false);
        WeightsSetRateLimit = Map("WeightsSetRateLimit", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)100);
        ValidatorPruneLen = Map("ValidatorPruneLen", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)1);
        ScalingLawPower = Map("ScalingLawPower", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)50);
        TargetRegistrationsPerInterval = Map("TargetRegistrationsPerInterval", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)2);
        AdjustmentAlpha = Map("AdjustmentAlpha", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        CommitRevealWeightsEnabled = Map("CommitRevealWeightsEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, true);
        Burn = Map("Burn", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(100_000_000));
        Difficulty = Map("Difficulty", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(10_000_000));
        MinBurn = Map("MinBurn", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(500_000));
        MaxBurn = Map("MaxBurn", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(100_000_000_000));
        MinDifficulty = Map("MinDifficulty", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(10_000_000));
        MaxDifficulty = Map("MaxDifficulty", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(ulong.MaxValue / 4));
        LastAdjustmentBlock = Map("LastAdjustmentBlock", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        RegistrationsThisBlock = Map("RegistrationsThisBlock", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)0);
        EMAPriceHalvingBlocks = Map("EMAPriceHalvingBlocks", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(201_600));
        RAORecycledForRegistration = Map("RAORecycledForRegistration", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        MaxEpochsPerBlock = Value("MaxEpochsPerBlock", Codecs.U8, (byte)2);
        TxRateLimit = Value("TxRateLimit", Codecs.U64, (ulong)1000);
        TxDelegateTakeRateLimit = Value("TxDelegateTakeRateLimit", Codecs.U64, (ulong)(216_000));
        TxChildkeyTakeRateLimit = Value("TxChildkeyTakeRateLimit", Codecs.U64, (ulong)(216_000));
        LiquidAlphaOn = Map("LiquidAlphaOn", StorageHasher.Blake2_128Concat, Codecs.U16, Codecs.Bool, false);
        Yuma3On = Map("Yuma3On", StorageHasher.Blake2_128Concat, Codecs.U16, Codecs.Bool, false);
        AlphaValues = Map("AlphaValues", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Pair, ((ushort)45_875, (ushort)58_982));
        SubtokenEnabled = Map("SubtokenEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, false);
        VotingPower = DoubleMap("VotingPower", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U64, (ulong)0, optional: false);
        VotingPowerTrackingEnabled = Map("VotingPowerTrackingEnabled", StorageHasher.Identity, Codecs.U16, Codecs.Bool, false);
        VotingPowerDisableAtBlock = Map("VotingPowerDisableAtBlock", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0);
        VotingPowerEmaAlpha = Map("VotingPowerEmaAlpha", StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)(3_570_000_000_000_000));
        ImmuneOwnerUidsLimit = Map("ImmuneOwnerUidsLimit", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)1);
        StakeWeight = Map("StakeWeight", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Vec, []);
        Uids = DoubleMap("Uids", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.U16, (ushort)0, optional: true);
        Keys = DoubleMap("Keys", StorageHasher.Identity, Codecs.U16, StorageHasher.Identity, Codecs.U16, Codecs.AccountId, default, optional: false);
        LoadedEmission = OptionalMap("LoadedEmission", StorageHasher.Identity, Codecs.U16, SubtensorTypes.Opaque(Ty.Vec(Ty.Tuple(Ty.AccountId32, Ty.U64, Ty.U64))));
        Active = Map("Active", StorageHasher.Identity, Codecs.U16, SubtensorTypes.BoolVec, []);
        Consensus = Map("Consensus", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Vec, []);
        Incentive = Map("Incentive", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Vec, []);
        Dividends = Map("Dividends", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Vec, []);
        Emission = Map("Emission", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U64Vec, []);
        LastUpdate = Map("LastUpdate", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U64Vec, []);
        ValidatorTrust = Map("ValidatorTrust", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16Vec, []);
        ValidatorPermit = Map("ValidatorPermit", StorageHasher.Identity, Codecs.U16, SubtensorTypes.BoolVec, []);
        Weights = DoubleMap("Weights", StorageHasher.Identity, Codecs.U16, StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16PairVec, [], optional: false);
        Bonds = DoubleMap("Bonds", StorageHasher.Identity, Codecs.U16, StorageHasher.Identity, Codecs.U16, SubtensorTypes.U16PairVec, [], optional: false);
        BlockAtRegistration = DoubleMap("BlockAtRegistration", StorageHasher.Identity, Codecs.U16, StorageHasher.Identity, Codecs.U16, Codecs.U64, (ulong)0, optional: false);
        Axons = DoubleMap("Axons", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.AxonInfoCodec, AxonInfo.Empty, optional: true);
        NeuronCertificates = DoubleMap("NeuronCertificates", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.NeuronCertificateCodec, null!, optional: true);
        Prometheus = DoubleMap("Prometheus", StorageHasher.Identity, Codecs.U16, StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.PrometheusInfoCodec, PrometheusInfo.Empty, optional: true);
        IdentitiesV2 = OptionalMap("IdentitiesV2", StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.ChainIdentityCodec);
        SubnetIdentitiesV3 = OptionalMap("SubnetIdentitiesV3", StorageHasher.Blake2_128Concat, Codecs.U16, SubtensorTypes.SubnetIdentityCodec);
        TransactionKeyLastBlock = NMap("TransactionKeyLastBlock", (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Identity, Codecs.U16), (StorageHasher.Identity, Codecs.U16), Codecs.U64, (ulong)0, optional: false);
        LastTxBlock = Map("LastTxBlock", StorageHasher.Identity, Codecs.AccountId, Codecs.U64, (ulong)0);
        LastTxBlockChildKeyTake = Map("LastTxBlockChildKeyTake", StorageHasher.Identity, Codecs.AccountId, Codecs.U64, (ulong)0);
        LastTxBlockDelegateTake = Map("LastTxBlockDelegateTake", StorageHasher.Identity, Codecs.AccountId, Codecs.U64, (ulong)0);
        StakeThreshold = Value("StakeThreshold", Codecs.U64, (ulong)0);
        WeightCommits = DoubleMap("WeightCommits", StorageHasher.Twox64Concat, Codecs.U16, StorageHasher.Twox64Concat, Codecs.AccountId, SubtensorTypes.Opaque(Ty.Vec(Ty.Tuple(Ty.H256, Ty.U64, Ty.U64, Ty.U64))), [], optional: true);
        TimelockedWeightCommits = DoubleMap("TimelockedWeightCommits", StorageHasher.Twox64Concat, Codecs.U16, StorageHasher.Twox64Concat, Codecs.U64, SubtensorTypes.Opaque(Ty.Vec(Ty.Tuple(Ty.AccountId32, Ty.U64, Ty.BoundedVec(Ty.U8, "5000"), Ty.U64))), [0], optional: false);
        CRV3WeightCommits = DoubleMap("CRV3WeightCommits", StorageHasher.Twox64Concat, Codecs.U16, StorageHasher.Twox64Concat, Codecs.U64, SubtensorTypes.Opaque(Ty.Vec(Ty.Tuple(Ty.AccountId32, Ty.BoundedVec(Ty.U8, "5000"), Ty.U64))), [0], optional: false);
        CRV3WeightCommitsV2 = DoubleMap("CRV3WeightCommitsV2", StorageHasher.Twox64Concat, Codecs.U16, StorageHasher.Twox64Concat, Codecs.U64, SubtensorTypes.Opaque(Ty.Vec(Ty.Tuple(Ty.AccountId32, Ty.U64, Ty.BoundedVec(Ty.U8, "5000"), Ty.U64))), [0], optional: false);
        RevealPeriodEpochs = Map("RevealPeriodEpochs", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U64, (ulong)1);
        LastColdkeyHotkeyStakeBlock = DoubleMap("LastColdkeyHotkeyStakeBlock", StorageHasher.Twox64Concat, Codecs.AccountId, StorageHasher.Twox64Concat, Codecs.AccountId, Codecs.U64, (ulong)0, optional: true);
        RootClaimableThreshold = Map("RootClaimableThreshold", StorageHasher.Blake2_128Concat, Codecs.U16, SubtensorTypes.I96F32Codec, I96F32.SaturatingFromNum(500_000UL));
        RootClaimable = Map("RootClaimable", StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.RootClaimableCodec, []);
        RootClaimed = NMap("RootClaimed", (StorageHasher.Identity, Codecs.U16), (StorageHasher.Blake2_128Concat, Codecs.AccountId), (StorageHasher.Blake2_128Concat, Codecs.AccountId), Codecs.U128, UInt128.Zero, optional: false);
        RootClaimType = Map("RootClaimType", StorageHasher.Blake2_128Concat, Codecs.AccountId, SubtensorTypes.Opaque(SubtensorTypes.RootClaimTypeType), [0]);
        StakingColdkeysByIndex = OptionalMap("StakingColdkeysByIndex", StorageHasher.Identity, Codecs.U64, Codecs.AccountId);
        StakingColdkeys = OptionalMap("StakingColdkeys", StorageHasher.Identity, Codecs.AccountId, Codecs.U64);
        NumStakingColdkeys = Value("NumStakingColdkeys", Codecs.U64, (ulong)0);
        NumRootClaim = Value("NumRootClaim", Codecs.U64, (ulong)5);
        AssociatedEvmAddress = DoubleMap("AssociatedEvmAddress", StorageHasher.Twox64Concat, Codecs.U16, StorageHasher.Twox64Concat, Codecs.U16, SubtensorTypes.Opaque(Ty.Tuple(SubtensorTypes.H160, Ty.U64)), [], optional: true);
        SubnetLeases = OptionalMap("SubnetLeases", StorageHasher.Twox64Concat, Codecs.U32, SubtensorTypes.Opaque(SubtensorTypes.SubnetLeaseType));
        SubnetLeaseShares = DoubleMap("SubnetLeaseShares", StorageHasher.Twox64Concat, Codecs.U32, StorageHasher.Identity, Codecs.AccountId, SubtensorTypes.U64F64Codec, U64F64.Zero, optional: false);
        SubnetUidToLeaseId = OptionalMap("SubnetUidToLeaseId", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U32);
        NextSubnetLeaseId = Value("NextSubnetLeaseId", Codecs.U32, (uint)0);
        AccumulatedLeaseDividends = Map("AccumulatedLeaseDividends", StorageHasher.Twox64Concat, Codecs.U32, Codecs.U64, (ulong)0);
        CommitRevealWeightsVersion = Value("CommitRevealWeightsVersion", Codecs.U16, (ushort)4);
        NetworkRegistrationStartBlock = Value("NetworkRegistrationStartBlock", Codecs.U64, (ulong)0);
        TaoInRefundDeploymentBlock = Value("TaoInRefundDeploymentBlock", Codecs.U64, (ulong)0);
        MinNonImmuneUids = Map("MinNonImmuneUids", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)10);
        MaxMechanismCount = Value("MaxMechanismCount", Codecs.U8, (byte)2);
        MechanismCountCurrent = Map("MechanismCountCurrent", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U8, (byte)1);
        MechanismEmissionSplit = OptionalMap("MechanismEmissionSplit", StorageHasher.Twox64Concat, Codecs.U16, SubtensorTypes.U16Vec);
        BurnHalfLife = Map("BurnHalfLife", StorageHasher.Identity, Codecs.U16, Codecs.U16, (ushort)360);
        BurnIncreaseMult = Map("BurnIncreaseMult", StorageHasher.Identity, Codecs.U16, SubtensorTypes.U64F64Codec, BurnPrice.DefaultIncreaseMultiplier);
        AutoParentDelegationEnabled = Map("AutoParentDelegationEnabled", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.Bool, true);
        HasMigrationRun = Map("HasMigrationRun", StorageHasher.Identity, Codecs.Bytes, Codecs.Bool, false);
        PendingChildKeyCooldown = Value("PendingChildKeyCooldown", Codecs.U64, (ulong)(7_200));
    }

    public StorageValue<ushort> MinActivityCutoff { get; private set; } = null!;

    public StorageValue<ushort> AdminFreezeWindow { get; private set; } = null!;

    public StorageValue<ushort> OwnerHyperparamRateLimit { get; private set; } = null!;

    public StorageValue<uint> DissolveNetworkScheduleDuration { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ulong> LastHotkeySwapOnNetuid { get; private set; } = null!;

    public StorageValue<ulong> NextStakeJobId { get; private set; } = null!;

    public StorageValue<ulong> TaoWeight { get; private set; } = null!;

    public StorageValue<ulong> CKBurn { get; private set; } = null!;

    public StorageValue<ushort> MaxDelegateTake { get; private set; } = null!;

    public StorageValue<ushort> MinDelegateTake { get; private set; } = null!;

    public StorageValue<ushort> MaxChildkeyTake { get; private set; } = null!;

    public StorageValue<ushort> MinChildkeyTake { get; private set; } = null!;

    public StorageMap<ushort, ushort> MinChildkeyTakePerSubnet { get; private set; } = null!;

    public StorageMap<AccountId32, AccountId32> Owner { get; private set; } = null!;

    public StorageMap<AccountId32, UInt128> AccountFlags { get; private set; } = null!;

    public StorageMap<AccountId32, ushort> Delegates { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, ushort> ChildkeyTake { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ((ulong Proportion, AccountId32 Account)[] Children, ulong CooldownBlock)> PendingChildKeys { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, (ulong Proportion, AccountId32 Account)[]> ChildKeys { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, (ulong Proportion, AccountId32 Account)[]> ParentKeys { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ulong> AlphaDividendsPerSubnet { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ulong> RootAlphaDividendsPerSubnet { get; private set; } = null!;

    public StorageValue<ulong> BlockEmission { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, ulong> LastHotkeyEmissionOnNetuid { get; private set; } = null!;

    public StorageValue<ushort> SubnetLimit { get; private set; } = null!;

    public StorageValue<ulong> TotalIssuance { get; private set; } = null!;

    public StorageValue<ulong> TotalStake { get; private set; } = null!;

    public StorageValue<I96F32> SubnetMovingAlpha { get; private set; } = null!;

    public StorageMap<ushort, I96F32> SubnetMovingPrice { get; private set; } = null!;

    public StorageMap<ushort, U96F32> RootProp { get; private set; } = null!;

    public StorageMap<ushort, UInt128> SubnetVolume { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetTAO { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetAlphaInEmission { get; private set; } = null!;

    public StorageMap<ushort, bool> SubnetEmissionEnabled { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetAlphaOutEmission { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetTaoInEmission { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetExcessTao { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetRootSellTao { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetAlphaIn { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetAlphaOut { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetProtocolAlpha { get; private set; } = null!;

    public StorageMap<AccountId32, AccountId32[]> StakingHotkeys { get; private set; } = null!;

    public StorageMap<AccountId32, AccountId32[]> OwnedHotkeys { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, AccountId32> AutoStakeDestination { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, AccountId32[]> AutoStakeDestinationColdkeys { get; private set; } = null!;

    public StorageValue<uint> ColdkeySwapAnnouncementDelay { get; private set; } = null!;

    public StorageValue<uint> ColdkeySwapReannouncementDelay { get; private set; } = null!;

    public StorageMap<AccountId32, byte[]> ColdkeySwapAnnouncements { get; private set; } = null!;

    public StorageMap<AccountId32, uint> ColdkeySwapDisputes { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, ulong> TotalHotkeyAlpha { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, ulong> TotalHotkeyAlphaLastEpoch { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, U64F64> TotalHotkeyShares { get; private set; } = null!;

    public StorageNMap<AccountId32, AccountId32, ushort, U64F64> Alpha { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, SafeFloat> TotalHotkeySharesV2 { get; private set; } = null!;

    public StorageNMap<AccountId32, AccountId32, ushort, SafeFloat> AlphaV2 { get; private set; } = null!;

    public StorageNMap<AccountId32, ushort, AccountId32, byte[]> Lock { get; private set; } = null!;

    public StorageNMap<ushort, AccountId32, AccountId32, byte[]> LockingColdkeys { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, byte[]> HotkeyLock { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, byte[]> DecayingHotkeyLock { get; private set; } = null!;

    public StorageMap<ushort, byte[]> OwnerLock { get; private set; } = null!;

    public StorageMap<ushort, byte[]> DecayingOwnerLock { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, bool> DecayingLock { get; private set; } = null!;

    public StorageMap<ushort, bool> OwnerCutAutoLockEnabled { get; private set; } = null!;

    public StorageValue<ulong> MaturityRate { get; private set; } = null!;

    public StorageValue<ulong> UnlockRate { get; private set; } = null!;

    public StorageValue<byte[]> AlphaMapLastKey { get; private set; } = null!;

    public StorageValue<byte[]> AlphaV2MapLastKey { get; private set; } = null!;

    public StorageMap<ushort, byte[]> TokenSymbol { get; private set; } = null!;

    public StorageMap<ushort, long> SubnetTaoFlow { get; private set; } = null!;

    public StorageMap<ushort, byte[]> SubnetEmaTaoFlow { get; private set; } = null!;

    public StorageValue<bool> NetTaoFlowEnabled { get; private set; } = null!;

    public StorageMap<ushort, long> SubnetProtocolFlow { get; private set; } = null!;

    public StorageMap<ushort, byte[]> SubnetEmaProtocolFlow { get; private set; } = null!;

    public StorageValue<I64F64> TaoFlowCutoff { get; private set; } = null!;

    public StorageValue<U64F64> FlowNormExponent { get; private set; } = null!;

    public StorageValue<ulong> FlowEmaSmoothingFactor { get; private set; } = null!;

    public StorageMap<byte[], ulong> UsedWork { get; private set; } = null!;

    public StorageMap<ushort, ushort> MaxRegistrationsPerBlock { get; private set; } = null!;

    public StorageValue<ushort> TotalNetworks { get; private set; } = null!;

    public StorageValue<ulong> NetworkImmunityPeriod { get; private set; } = null!;

    public StorageValue<ulong> StartCallDelay { get; private set; } = null!;

    public StorageValue<ulong> NetworkMinLockCost { get; private set; } = null!;

    public StorageValue<ulong> NetworkLastLockCost { get; private set; } = null!;

    public StorageValue<ulong> NetworkLockReductionInterval { get; private set; } = null!;

    public StorageValue<ushort> SubnetOwnerCut { get; private set; } = null!;

    public StorageMap<ushort, bool> OwnerCutEnabled { get; private set; } = null!;

    public StorageValue<ulong> NetworkRateLimit { get; private set; } = null!;

    public StorageValue<ulong> NominatorMinRequiredStake { get; private set; } = null!;

    public StorageValue<ulong> WeightsVersionKeyRateLimit { get; private set; } = null!;

    public StorageMap<RateLimitKey, ulong> LastRateLimitedBlock { get; private set; } = null!;

    public StorageMap<ushort, bool> TransferToggle { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetLocked { get; private set; } = null!;

    public StorageMap<ushort, ulong> LargestLocked { get; private set; } = null!;

    public StorageMap<ushort, ushort> Tempo { get; private set; } = null!;

    public StorageMap<ushort, ulong> LastEpochBlock { get; private set; } = null!;

    public StorageMap<ushort, ulong> PendingEpochAt { get; private set; } = null!;

    public StorageMap<ushort, ulong> SubnetEpochIndex { get; private set; } = null!;

    public StorageMap<ushort, uint> ActivityCutoffFactorMilli { get; private set; } = null!;

    public StorageMap<ushort, ulong> FirstEmissionBlockNumber { get; private set; } = null!;

    public StorageMap<ushort, ushort> SubnetMechanism { get; private set; } = null!;

    public StorageMap<ushort, ushort> SubnetworkN { get; private set; } = null!;

    public StorageMap<ushort, bool> NetworksAdded { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, ushort, bool> IsNetworkMember { get; private set; } = null!;

    public StorageMap<ushort, bool> NetworkRegistrationAllowed { get; private set; } = null!;

    public StorageMap<ushort, bool> NetworkPowRegistrationAllowed { get; private set; } = null!;

    public StorageMap<ushort, ulong> NetworkRegisteredAt { get; private set; } = null!;

    public StorageMap<ushort, ulong> RegisteredSubnetCounter { get; private set; } = null!;

    public StorageMap<ushort, ulong> PendingServerEmission { get; private set; } = null!;

    public StorageMap<ushort, ulong> PendingValidatorEmission { get; private set; } = null!;

    public StorageMap<ushort, ulong> PendingRootAlphaDivs { get; private set; } = null!;

    public StorageMap<ushort, ulong> PendingOwnerCut { get; private set; } = null!;

    public StorageMap<ushort, U96F32> MinerBurned { get; private set; } = null!;

    public StorageMap<ushort, ulong> BlocksSinceLastStep { get; private set; } = null!;

    public StorageMap<ushort, ulong> LastMechansimStepBlock { get; private set; } = null!;

    public StorageMap<ushort, AccountId32> SubnetOwner { get; private set; } = null!;

    public StorageMap<ushort, AccountId32> SubnetOwnerHotkey { get; private set; } = null!;

    public StorageMap<ushort, RecycleOrBurn> RecycleOrBurn { get; private set; } = null!;

    public StorageMap<ushort, ulong> ServingRateLimit { get; private set; } = null!;

    public StorageMap<ushort, ushort> Rho { get; private set; } = null!;

    public StorageMap<ushort, short> AlphaSigmoidSteepness { get; private set; } = null!;

    public StorageMap<ushort, ushort> Kappa { get; private set; } = null!;

    public StorageMap<ushort, ushort> RegistrationsThisInterval { get; private set; } = null!;

    public StorageMap<ushort, ushort> POWRegistrationsThisInterval { get; private set; } = null!;

    public StorageMap<ushort, ushort> BurnRegistrationsThisInterval { get; private set; } = null!;

    public StorageMap<ushort, ushort> MinAllowedUids { get; private set; } = null!;

    public StorageMap<ushort, ushort> MaxAllowedUids { get; private set; } = null!;

    public StorageMap<ushort, ushort> ImmunityPeriod { get; private set; } = null!;

    public StorageMap<ushort, ushort> ActivityCutoff { get; private set; } = null!;

    public StorageMap<ushort, ushort> MaxWeightsLimit { get; private set; } = null!;

    public StorageMap<ushort, ulong> WeightsVersionKey { get; private set; } = null!;

    public StorageMap<ushort, ushort> MinAllowedWeights { get; private set; } = null!;

    public StorageMap<ushort, ushort> MaxAllowedValidators { get; private set; } = null!;

    public StorageMap<ushort, ushort> AdjustmentInterval { get; private set; } = null!;

    public StorageMap<ushort, ulong> BondsMovingAverage { get; private set; } = null!;

    public StorageMap<ushort, ushort> BondsPenalty { get; private set; } = null!;

    public StorageMap<ushort, bool> BondsResetOn { get; private set; } = null!;

    public StorageMap<ushort, ulong> WeightsSetRateLimit { get; private set; } = null!;

    public StorageMap<ushort, ulong> ValidatorPruneLen { get; private set; } = null!;

    public StorageMap<ushort, ushort> ScalingLawPower { get; private set; } = null!;

    public StorageMap<ushort, ushort> TargetRegistrationsPerInterval { get; private set; } = null!;

    public StorageMap<ushort, ulong> AdjustmentAlpha { get; private set; } = null!;

    public StorageMap<ushort, bool> CommitRevealWeightsEnabled { get; private set; } = null!;

    public StorageMap<ushort, ulong> Burn { get; private set; } = null!;

    public StorageMap<ushort, ulong> Difficulty { get; private set; } = null!;

    public StorageMap<ushort, ulong> MinBurn { get; private set; } = null!;

    public StorageMap<ushort, ulong> MaxBurn { get; private set; } = null!;

    public StorageMap<ushort, ulong> MinDifficulty { get; private set; } = null!;

    public StorageMap<ushort, ulong> MaxDifficulty { get; private set; } = null!;

    public StorageMap<ushort, ulong> LastAdjustmentBlock { get; private set; } = null!;

    public StorageMap<ushort, ushort> RegistrationsThisBlock { get; private set; } = null!;

    public StorageMap<ushort, ulong> EMAPriceHalvingBlocks { get; private set; } = null!;

    public StorageMap<ushort, ulong> RAORecycledForRegistration { get; private set; } = null!;

    public StorageValue<byte> MaxEpochsPerBlock { get; private set; } = null!;

    public StorageValue<ulong> TxRateLimit { get; private set; } = null!;

    public StorageValue<ulong> TxDelegateTakeRateLimit { get; private set; } = null!;

    public StorageValue<ulong> TxChildkeyTakeRateLimit { get; private set; } = null!;

    public StorageMap<ushort, bool> LiquidAlphaOn { get; private set; } = null!;

    public StorageMap<ushort, bool> Yuma3On { get; private set; } = null!;

    public StorageMap<ushort, (ushort Low, ushort High)> AlphaValues { get; private set; } = null!;

    public StorageMap<ushort, bool> SubtokenEnabled { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ulong> VotingPower { get; private set; } = null!;

    public StorageMap<ushort, bool> VotingPowerTrackingEnabled { get; private set; } = null!;

    public StorageMap<ushort, ulong> VotingPowerDisableAtBlock { get; private set; } = null!;

    public StorageMap<ushort, ulong> VotingPowerEmaAlpha { get; private set; } = null!;

    public StorageMap<ushort, ushort> ImmuneOwnerUidsLimit { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> StakeWeight { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, ushort> Uids { get; private set; } = null!;

    public StorageDoubleMap<ushort, ushort, AccountId32> Keys { get; private set; } = null!;

    public StorageMap<ushort, byte[]> LoadedEmission { get; private set; } = null!;

    public StorageMap<ushort, bool[]> Active { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> Consensus { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> Incentive { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> Dividends { get; private set; } = null!;

    public StorageMap<ushort, ulong[]> Emission { get; private set; } = null!;

    public StorageMap<ushort, ulong[]> LastUpdate { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> ValidatorTrust { get; private set; } = null!;

    public StorageMap<ushort, bool[]> ValidatorPermit { get; private set; } = null!;

    public StorageDoubleMap<ushort, ushort, (ushort, ushort)[]> Weights { get; private set; } = null!;

    public StorageDoubleMap<ushort, ushort, (ushort, ushort)[]> Bonds { get; private set; } = null!;

    public StorageDoubleMap<ushort, ushort, ulong> BlockAtRegistration { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, AxonInfo> Axons { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, NeuronCertificate> NeuronCertificates { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, PrometheusInfo> Prometheus { get; private set; } = null!;

    public StorageMap<AccountId32, ChainIdentity> IdentitiesV2 { get; private set; } = null!;

    public StorageMap<ushort, SubnetIdentity> SubnetIdentitiesV3 { get; private set; } = null!;

    public StorageNMap<AccountId32, ushort, ushort, ulong> TransactionKeyLastBlock { get; private set; } = null!;

    public StorageMap<AccountId32, ulong> LastTxBlock { get; private set; } = null!;

    public StorageMap<AccountId32, ulong> LastTxBlockChildKeyTake { get; private set; } = null!;

    public StorageMap<AccountId32, ulong> LastTxBlockDelegateTake { get; private set; } = null!;

    public StorageValue<ulong> StakeThreshold { get; private set; } = null!;

    public StorageDoubleMap<ushort, AccountId32, byte[]> WeightCommits { get; private set; } = null!;

    public StorageDoubleMap<ushort, ulong, byte[]> TimelockedWeightCommits { get; private set; } = null!;

    public StorageDoubleMap<ushort, ulong, byte[]> CRV3WeightCommits { get; private set; } = null!;

    public StorageDoubleMap<ushort, ulong, byte[]> CRV3WeightCommitsV2 { get; private set; } = null!;

    public StorageMap<ushort, ulong> RevealPeriodEpochs { get; private set; } = null!;

    public StorageDoubleMap<AccountId32, AccountId32, ulong> LastColdkeyHotkeyStakeBlock { get; private set; } = null!;

    public StorageMap<ushort, I96F32> RootClaimableThreshold { get; private set; } = null!;

    public StorageMap<AccountId32, (ushort NetUid, I96F32 Rate)[]> RootClaimable { get; private set; } = null!;

    public StorageNMap<ushort, AccountId32, AccountId32, UInt128> RootClaimed { get; private set; } = null!;

    public StorageMap<AccountId32, byte[]> RootClaimType { get; private set; } = null!;

    public StorageMap<ulong, AccountId32> StakingColdkeysByIndex { get; private set; } = null!;

    public StorageMap<AccountId32, ulong> StakingColdkeys { get; private set; } = null!;

    public StorageValue<ulong> NumStakingColdkeys { get; private set; } = null!;

    public StorageValue<ulong> NumRootClaim { get; private set; } = null!;

    public StorageDoubleMap<ushort, ushort, byte[]> AssociatedEvmAddress { get; private set; } = null!;

    public StorageMap<uint, byte[]> SubnetLeases { get; private set; } = null!;

    public StorageDoubleMap<uint, AccountId32, U64F64> SubnetLeaseShares { get; private set; } = null!;

    public StorageMap<ushort, uint> SubnetUidToLeaseId { get; private set; } = null!;

    public StorageValue<uint> NextSubnetLeaseId { get; private set; } = null!;

    public StorageMap<uint, ulong> AccumulatedLeaseDividends { get; private set; } = null!;

    public StorageValue<ushort> CommitRevealWeightsVersion { get; private set; } = null!;

    public StorageValue<ulong> NetworkRegistrationStartBlock { get; private set; } = null!;

    public StorageValue<ulong> TaoInRefundDeploymentBlock { get; private set; } = null!;

    public StorageMap<ushort, ushort> MinNonImmuneUids { get; private set; } = null!;

    public StorageValue<byte> MaxMechanismCount { get; private set; } = null!;

    public StorageMap<ushort, byte> MechanismCountCurrent { get; private set; } = null!;

    public StorageMap<ushort, ushort[]> MechanismEmissionSplit { get; private set; } = null!;

    public StorageMap<ushort, ushort> BurnHalfLife { get; private set; } = null!;

    public StorageMap<ushort, U64F64> BurnIncreaseMult { get; private set; } = null!;

    public StorageMap<AccountId32, bool> AutoParentDelegationEnabled { get; private set; } = null!;

    public StorageMap<byte[], bool> HasMigrationRun { get; private set; } = null!;

    public StorageValue<ulong> PendingChildKeyCooldown { get; private set; } = null!;
}
