namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary><c>pallet_subtensor::pallet::PrometheusInfo</c>.</summary>
public sealed record PrometheusInfo(ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType)
{
    public static PrometheusInfo Empty { get; } = new(0, 0, 0, 0, 0);
}
