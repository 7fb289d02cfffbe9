namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>frame_system <c>RawOrigin</c> variants.</summary>
public enum OriginKind : byte
{
    Root = 0,
    Signed = 1,
    None = 2,
    Authorized = 3,
}
