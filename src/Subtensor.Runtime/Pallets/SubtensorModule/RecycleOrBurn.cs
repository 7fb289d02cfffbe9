namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary><c>pallet_subtensor::pallet::RecycleOrBurnEnum</c>: what happens to miner emission sent to owner UIDs.</summary>
public enum RecycleOrBurn : byte
{
    Burn = 0,
    Recycle = 1,
}
