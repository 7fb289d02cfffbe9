namespace Subtensor.Network.Substrate;

/// <summary>Substrate's <c>Roles</c> bit flags as sent in notification handshakes (sc-network <c>Roles</c>).</summary>
[Flags]
public enum NodeRole : byte
{
    None = 0,
    Full = 1,
    Light = 2,
    Authority = 4,
}
