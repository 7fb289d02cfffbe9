namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary><c>pallet_subtensor::pallet::AxonInfo</c>: where a neuron serves (block of the last update included).</summary>
public sealed record AxonInfo(ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol, byte Placeholder1, byte Placeholder2)
{
    public static AxonInfo Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
