using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// TAO movements between coldkeys, subnet accounts and the burn account (coinbase/tao.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>get_coldkey_balance</c>: reducible balance, expendable, polite.</summary>
    public ulong ColdkeyBalance(IStateAccess state, AccountId32 coldkey) => _balances.ReducibleBalance(state, coldkey, Preservation.Expendable, force: false);

    /// <summary><c>get_keep_alive_balance</c>: reducible balance keeping the existential deposit.</summary>
    public ulong KeepAliveBalance(IStateAccess state, AccountId32 coldkey) => _balances.ReducibleBalance(state, coldkey, Preservation.Preserve, force: false);

    /// <summary><c>can_remove_balance_from_coldkey_account</c>.</summary>
    public bool CanRemoveBalance(IStateAccess state, AccountId32 coldkey, ulong amount) => amount <= ColdkeyBalance(state, coldkey);

    /// <summary><c>get_subnet_account_id</c>: the subnet's account when the subnet is known (or root).</summary>
    public AccountId32? SubnetAccountId(IStateAccess state, ushort netuid) =>
        NetworksAdded.Contains(state, netuid) || netuid == RootNetUid ? SubnetAccount(netuid) : null;

    /// <summary>
    /// <c>transfer_tao</c>: an expendable transfer of at most the reducible balance; TAO lost to dust (the sender reaped
    /// below the existential deposit) also leaves Subtensor's <c>TotalIssuance</c>.
    /// </summary>
    public void TransferTao(IStateAccess state, AccountId32 from, AccountId32 to, ulong amount)
    {
        Ensure(amount <= ColdkeyBalance(state, from), SubtensorError.InsufficientBalance);
        var before = _balances.TotalIssuance.Get(state);
        _balances.Transfer(state, from, to, amount, Preservation.Expendable);
        var after = _balances.TotalIssuance.Get(state);
        if (after < before)
        {
            var burned = before - after;
            TotalIssuance.Mutate(state, t => t > burned ? t - burned : 0);
        }
    }

    /// <summary><c>transfer_tao_to_subnet</c>: moves up to the keep-alive balance into the subnet account; returns the amount moved.</summary>
    public ulong TransferTaoToSubnet(IStateAccess state, ushort netuid, AccountId32 coldkey, ulong amount)
    {
        if (amount == 0)
        {
            return 0;
        }

        var subnetAccount = SubnetAccountId(state, netuid) ?? throw Err(SubtensorError.SubnetNotExists);
        var moved = Math.Min(amount, KeepAliveBalance(state, coldkey));
        Ensure(moved != 0, SubtensorError.InsufficientBalance);
        _balances.Transfer(state, coldkey, subnetAccount, moved, Preservation.Preserve);
        return moved;
    }

    /// <summary><c>transfer_tao_from_subnet</c>.</summary>
    public void TransferTaoFromSubnet(IStateAccess state, ushort netuid, AccountId32 to, ulong amount)
    {
        var subnetAccount = SubnetAccountId(state, netuid) ?? throw Err(SubtensorError.SubnetNotExists);
        TransferTao(state, subnetAccount, to, amount);
    }

    /// <summary><c>burn_tao</c>: sends TAO to the burn account (it stays in the issuance).</summary>
    public void BurnTao(IStateAccess state, AccountId32 from, ulong amount) => TransferTao(state, from, BurnAccount, amount);

    /// <summary><c>recycle_tao</c>: withdraws TAO (keeping the existential deposit) and removes it from both issuances.</summary>
    public void RecycleTao(IStateAccess state, AccountId32 from, ulong amount)
    {
        Ensure(amount <= KeepAliveBalance(state, from), SubtensorError.InsufficientBalance);
        TotalIssuance.Mutate(state, t => t > amount ? t - amount : 0);
        ulong withdrawn;
        try
        {
            withdrawn = _balances.Withdraw(state, from, amount, exact: true, Preservation.Expendable, force: true);
        }
        catch (DispatchException)
        {
            throw Err(SubtensorError.BalanceWithdrawalError);
        }

        _balances.BurnCredit(state, withdrawn);
    }
}
