using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// How a subnet's per-block alpha emission is split (<c>emit_to_subnets</c>, step 3): owner cut, then half to miners
/// and half to validators, of which RootProp × half goes to root stakers. Amounts are the RAO added to the pending
/// accumulators (each floored separately).
/// </summary>
public sealed record AlphaOutSplit(ulong AlphaCreated, ulong OwnerCut, ulong Server, ulong Validator, ulong Root)
{
    private static readonly U96F32 Half = U96F32.FromBits(UInt128.One << 31);

    /// <summary><c>get_float_subnet_owner_cut</c>: SubnetOwnerCut / 65535 (default 11_796 ≈ 18 %).</summary>
    public static U96F32 OwnerCutFraction(ushort subnetOwnerCut) =>
        U96F32.SaturatingFromNum(subnetOwnerCut).SafeDiv(U96F32.SaturatingFromNum(ushort.MaxValue));

    /// <summary>Splits <paramref name="alphaOut"/>; the owner cut only applies when enabled (default true).</summary>
    public static AlphaOutSplit Compute(U96F32 alphaOut, U96F32 ownerCutFraction, bool ownerCutEnabled, U96F32 rootProportion)
    {
        ulong created = alphaOut.SaturatingToU64();
        ulong ownerCut = 0;
        if (ownerCutEnabled)
        {
            var cut = alphaOut.SaturatingMul(ownerCutFraction);
            alphaOut = alphaOut.SaturatingSub(cut);
            ownerCut = cut.SaturatingToU64();
        }

        var rootAlpha = rootProportion.SaturatingMul(alphaOut).SaturatingMul(Half);
        var server = alphaOut.SaturatingMul(Half);
        var validator = alphaOut.SaturatingSub(server).SaturatingSub(rootAlpha);
        return new AlphaOutSplit(created, ownerCut, server.SaturatingToU64(), validator.SaturatingToU64(), rootAlpha.SaturatingToU64());
    }
}
