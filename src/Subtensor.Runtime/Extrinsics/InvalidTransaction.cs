namespace Subtensor.Runtime.Extrinsics;

/// <summary>sp_runtime <c>InvalidTransaction</c> variants, numbered as encoded.</summary>
public enum InvalidTransaction : byte
{
    Call = 0,
    Payment = 1,
    Future = 2,
    Stale = 3,
    BadProof = 4,
    AncientBirthBlock = 5,
    ExhaustsResources = 6,
    Custom = 7,
    BadMandatory = 8,
    MandatoryValidation = 9,
    BadSigner = 10,
    IndeterminateImplicit = 11,
    UnknownOrigin = 12,
}
