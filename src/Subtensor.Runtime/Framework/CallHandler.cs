using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework;

/// <summary>Executes a call. Throwing <see cref="DispatchException"/> fails it; state changes are then rolled back.</summary>
public delegate DispatchOutcome CallHandler(IStateAccess state, Origin origin, CallArgs args);
