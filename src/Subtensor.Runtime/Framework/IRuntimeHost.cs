using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework;

/// <summary>What a pallet needs from the runtime it is part of.</summary>
public interface IRuntimeHost
{
    /// <summary>Records an encoded <c>RuntimeEvent</c> in <c>System.Events</c> for the current phase.</summary>
    void DepositEvent(IStateAccess state, byte[] encodedRuntimeEvent);

    /// <summary>
    /// Dispatches a call in its own storage layer (rolled back if it fails). Unless <paramref name="bypassFilter"/>
    /// or the origin is Root, the runtime's call filter applies (refusal: <c>System.CallFiltered</c>).
    /// </summary>
    DispatchOutcome Dispatch(IStateAccess state, RuntimeCall call, Origin origin, bool bypassFilter);
}
