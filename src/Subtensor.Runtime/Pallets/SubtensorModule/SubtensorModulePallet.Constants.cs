using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Pallet constants (the #[pallet::constant] items of macros/config.rs with the production runtime's values).
public sealed partial class SubtensorModulePallet
{
    private void DeclareConstants()
    {
        var u16 = Codecs.U16;
        var u64 = Codecs.U64;
        var u32 = Codecs.U32;
        var palletId = Codecs.FixedBytes(8).As(Composite("frame_support::PalletId", [], Field(null, Array(8, U8), "[u8; 8]")));
        Constant("InitialIssuance", u64, 0UL);
        Constant("InitialMinAllowedWeights", u16, (ushort)1024);
        Constant("InitialEmissionValue", u16, (ushort)0);
        Constant("InitialTempo", u16, InitialTempo);
        Constant("InitialDifficulty", u64, 10_000_000UL);
        Constant("InitialMaxDifficulty", u64, ulong.MaxValue / 4);
        Constant("InitialMinDifficulty", u64, 10_000_000UL);
        Constant("InitialRAORecycledForRegistration", u64, 0UL);
        Constant("InitialBurn", u64, 100_000_000UL);
        Constant("InitialMaxBurn", u64, 100_000_000_000UL);
        Constant("InitialMinBurn", u64, 500_000UL);
        Constant("InitialMinStake", u64, DefaultMinStake);
        Constant("MinBurnUpperBound", u64, MinBurnUpperBound);
        Constant("MaxBurnLowerBound", u64, MaxBurnLowerBound);
        Constant("MinTempo", u16, MinTempo);
        Constant("MaxTempo", u16, MaxTempo);
        Constant("MinActivityCutoffFactorMilli", u32, MinActivityCutoffFactorMilli);
        Constant("MaxActivityCutoffFactorMilli", u32, MaxActivityCutoffFactorMilli);
        Constant("InitialAdjustmentInterval", u16, (ushort)100);
        Constant("InitialBondsMovingAverage", u64, 900_000UL);
        Constant("InitialBondsPenalty", u16, ushort.MaxValue);
        Constant("InitialBondsResetOn", Codecs.Bool, false);
        Constant("InitialTargetRegistrationsPerInterval", u16, (ushort)2);
        Constant("InitialRho", u16, (ushort)10);
        Constant("InitialAlphaSigmoidSteepness", SubtensorTypes.I16Codec, (short)1000);
        Constant("InitialKappa", u16, (ushort)32_767);
        Constant("InitialMinAllowedUids", u16, (ushort)64);
        Constant("InitialMaxAllowedUids", u16, (ushort)256);
        Constant("InitialValidatorPruneLen", u64, 1UL);
        Constant("InitialScalingLawPower", u16, (ushort)50);
        Constant("InitialImmunityPeriod", u16, (ushort)4096);
        Constant("InitialActivityCutoff", u16, (ushort)5000);
        Constant("InitialMaxRegistrationsPerBlock", u16, (ushort)1);
        Constant("InitialPruningScore", u16, ushort.MaxValue);
        Constant("InitialMaxAllowedValidators", u16, (ushort)128);
        Constant("InitialDefaultDelegateTake", u16, InitialDefaultTake);
        Constant("InitialMinDelegateTake", u16, (ushort)0);
        Constant("InitialDefaultChildKeyTake", u16, (ushort)0);
        Constant("InitialMinChildKeyTake", u16, (ushort)0);
        Constant("InitialMaxChildKeyTake", u16, (ushort)11_796);
        Constant("InitialWeightsVersionKey", u64, 0UL);
        Constant("InitialServingRateLimit", u64, 50UL);
        Constant("InitialTxRateLimit", u64, 1000UL);
        Constant("InitialTxDelegateTakeRateLimit", u64, 216_000UL);
        Constant("InitialTxChildKeyTakeRateLimit", u64, 216_000UL);
        Constant("InitialAdjustmentAlpha", u64, 0UL);
        Constant("InitialNetworkImmunityPeriod", u64, 1_296_000UL);
        Constant("InitialNetworkMinLockCost", u64, 1_000_000_000_000UL);
        Constant("InitialSubnetOwnerCut", u16, (ushort)11_796);
        Constant("InitialNetworkLockReductionInterval", u64, 100_800UL);
        Constant("InitialNetworkRateLimit", u64, 7_200UL);
        Constant("KeySwapCost", u64, KeySwapCost);
        Constant("AlphaHigh", u16, (ushort)58_982);
        Constant("AlphaLow", u16, (ushort)45_875);
        Constant("LiquidAlphaOn", Codecs.Bool, false);
        Constant("Yuma3On", Codecs.Bool, false);
        Constant("InitialColdkeySwapAnnouncementDelay", u32, 36_000u);
        Constant("InitialColdkeySwapReannouncementDelay", u32, 7_200u);
        Constant("InitialDissolveNetworkScheduleDuration", u32, 36_000u);
        Constant("InitialTaoWeight", u64, 971_718_665_099_567_868UL);
        Constant("InitialEmaPriceHalvingPeriod", u64, 201_600UL);
        Constant("InitialStartCallDelay", u64, 0UL);
        Constant("KeySwapOnSubnetCost", u64, KeySwapOnSubnetCost);
        Constant("HotkeySwapOnSubnetInterval", u64, HotkeySwapOnSubnetInterval);
        Constant("LeaseDividendsDistributionInterval", u32, 100u);
        Constant("MaxImmuneUidsPercentage", Codecs.U8.As(SubtensorTypes.PercentType), (byte)80);
        Constant("SubtensorPalletId", palletId, SubtensorPalletId);
        Constant("BurnAccountId", palletId, BurnPalletId);
        Constant("InitialMaxEpochsPerBlock", Codecs.U8, (byte)2);
    }
}
