using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Api;

/// <summary>Executes a runtime API method on SCALE-encoded arguments and returns its SCALE-encoded result.</summary>
public delegate byte[] RuntimeApiHandler(IStateAccess state, byte[] args);
