namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>frame_support <c>DispatchClass</c>.</summary>
public enum DispatchClass : byte
{
    Normal = 0,
    Operational = 1,
    Mandatory = 2,
}
