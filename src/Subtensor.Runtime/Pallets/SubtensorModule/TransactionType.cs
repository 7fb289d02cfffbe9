namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// <c>TransactionType</c> of <c>utils/rate_limiting.rs</c>: the value is the u16 stored as the third key of
/// <c>TransactionKeyLastBlock</c>.
/// </summary>
public enum TransactionType : ushort
{
    SetChildren = 0,
    SetChildkeyTake = 1,
    Unknown = 2,
    RegisterNetwork = 3,
    SetWeightsVersionKey = 4,
    SetSNOwnerHotkey = 5,
    OwnerHyperparamUpdate = 6,
    MechanismCountUpdate = 7,
    MechanismEmission = 8,
    MaxUidsTrimming = 9,
    AddStakeBurn = 10,
    TempoUpdate = 11,
}
