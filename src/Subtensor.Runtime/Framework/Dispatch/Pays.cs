namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>frame_support <c>Pays</c>: whether the sender pays the fee.</summary>
public enum Pays : byte
{
    Yes = 0,
    No = 1,
}
