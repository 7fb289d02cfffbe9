namespace Subtensor.Network.Yamux;

/// <summary>Reason codes carried in the length field of a GoAway frame.</summary>
public enum YamuxGoAwayCode : uint
{
    Normal = 0,
    ProtocolError = 1,
    InternalError = 2,
}
