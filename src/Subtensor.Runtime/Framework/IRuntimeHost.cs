using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework;

/// <summary>What a pallet needs from the runtime it is part of.</summary>
public interface IRuntimeHost
{
    /// <summary>Records an encoded <c>RuntimeEvent</c> in <c>System.Events</c> for the current phase.</summary>
    void DepositEvent(IStateAccess state, byte[] encodedRuntimeEvent);
}
