using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Framework;

/// <summary>Computes a call's weight, class and fee mode from its arguments (FRAME's <c>#[pallet::weight]</c>, <c>DispatchClass</c>, <c>Pays</c>).</summary>
public delegate DispatchInfo CallInfoFunc(CallArgs args);
