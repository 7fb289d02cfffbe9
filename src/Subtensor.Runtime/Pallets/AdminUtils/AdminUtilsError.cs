namespace Subtensor.Runtime.Pallets.AdminUtils;

/// <summary>pallet_admin_utils <c>Error</c> variants in declaration order (<c>pallets/admin-utils/src/lib.rs</c>).</summary>
public enum AdminUtilsError : byte
{
    SubnetDoesNotExist,
    MaxValidatorsLargerThanMaxUIds,
    MaxAllowedUIdsLessThanCurrentUIds,
    BondsMovingAverageMaxReached,
    NegativeSigmoidSteepness,
    ValueNotInBounds,
    MinAllowedUidsGreaterThanCurrentUids,
    MinAllowedUidsGreaterThanMaxAllowedUids,
    MaxAllowedUidsLessThanMinAllowedUids,
    MaxAllowedUidsGreaterThanDefaultMaxAllowedUids,
    InvalidValue,
    NotPermittedOnRootSubnet,
    POWRegistrationDisabled,
    Deprecated,
}
