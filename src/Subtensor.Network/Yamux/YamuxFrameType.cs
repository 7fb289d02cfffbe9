namespace Subtensor.Network.Yamux;

/// <summary>Yamux frame types (hashicorp/yamux spec.md).</summary>
public enum YamuxFrameType : byte
{
    Data = 0,
    WindowUpdate = 1,
    Ping = 2,
    GoAway = 3,
}
