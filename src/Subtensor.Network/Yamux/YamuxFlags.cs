namespace Subtensor.Network.Yamux;

/// <summary>Yamux header flags (hashicorp/yamux spec.md).</summary>
[Flags]
public enum YamuxFlags : ushort
{
    None = 0,
    Syn = 1,
    Ack = 2,
    Fin = 4,
    Rst = 8,
}
