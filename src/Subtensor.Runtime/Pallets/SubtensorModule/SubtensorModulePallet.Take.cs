using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// decrease_take / increase_take (staking/decrease_take.rs, increase_take.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>do_decrease_take</c>: the owner lowers the take (strictly, once recorded), not below MinDelegateTake.</summary>
    public void DoDecreaseTake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort take)
    {
        TakeChecks(state, coldkey, hotkey);
        if (Delegates.TryGet(state, hotkey, out var current))
        {
            Ensure(take < current, SubtensorError.DelegateTakeTooLow);
        }

        Ensure(take >= MinDelegateTake.Get(state), SubtensorError.DelegateTakeTooLow);
        Delegates.Insert(state, hotkey, take);
        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlockDelegateTake(hotkey), CurrentBlock(state));
        Emit(state, SubtensorEvent.TakeDecreased, coldkey, hotkey, take);
    }

    /// <summary><c>do_increase_take</c>: strictly higher, at most MaxDelegateTake, once per TxDelegateTakeRateLimit blocks.</summary>
    public void DoIncreaseTake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort take)
    {
        TakeChecks(state, coldkey, hotkey);
        if (Delegates.TryGet(state, hotkey, out var current))
        {
            Ensure(take > current, SubtensorError.DelegateTakeTooLow);
        }

        Ensure(take <= MaxDelegateTake.Get(state), SubtensorError.DelegateTakeTooHigh);
        var now = CurrentBlock(state);
        var key = RateLimitKey.LastTxBlockDelegateTake(hotkey);
        Ensure(!RateLimits.Exceeds(TxDelegateTakeRateLimit.Get(state), LastRateLimitedBlock.Get(state, key), now), SubtensorError.DelegateTxRateLimitExceeded);
        LastRateLimitedBlock.Insert(state, key, now);
        Delegates.Insert(state, hotkey, take);
        Emit(state, SubtensorEvent.TakeIncreased, coldkey, hotkey, take);
    }

    private void TakeChecks(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        Ensure(ColdkeyOwnsHotkey(state, coldkey, hotkey), SubtensorError.NonAssociatedColdKey);
    }
}
