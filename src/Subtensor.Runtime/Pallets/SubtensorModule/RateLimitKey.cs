using Subtensor.Core.Types;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// <c>pallet_subtensor::RateLimitKey&lt;AccountId&gt;</c>, the key of <c>LastRateLimitedBlock</c>: 0 SetSNOwnerHotkey(netuid),
/// 1 OwnerHyperparamUpdate(netuid, hyperparameter), 2 NetworkLastRegistered, 3 LastTxBlock(account),
/// 4 LastTxBlockChildKeyTake(account), 5 LastTxBlockDelegateTake(account), 6 AddStakeBurn(netuid).
/// </summary>
public readonly record struct RateLimitKey(byte Variant, ushort NetUid = 0, Hyperparameter Parameter = Hyperparameter.Unknown, AccountId32 Account = default)
{
    public static RateLimitKey SetSnOwnerHotkey(ushort netuid) => new(0, netuid);

    public static RateLimitKey OwnerHyperparamUpdate(ushort netuid, Hyperparameter parameter) => new(1, netuid, parameter);

    public static RateLimitKey NetworkLastRegistered => new(2);

    public static RateLimitKey LastTxBlock(AccountId32 account) => new(3, Account: account);

    public static RateLimitKey LastTxBlockChildKeyTake(AccountId32 account) => new(4, Account: account);

    public static RateLimitKey LastTxBlockDelegateTake(AccountId32 account) => new(5, Account: account);

    public static RateLimitKey AddStakeBurn(ushort netuid) => new(6, netuid);
}
