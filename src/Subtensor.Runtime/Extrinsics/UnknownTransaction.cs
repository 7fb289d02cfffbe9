namespace Subtensor.Runtime.Extrinsics;

/// <summary>sp_runtime <c>UnknownTransaction</c> variants.</summary>
public enum UnknownTransaction : byte
{
    CannotLookup = 0,
    NoUnsignedValidator = 1,
    Custom = 2,
}
