namespace Subtensor.Runtime.State;

/// <summary>Outcome of a prefix removal: keys removed, and whether none are left (sp_io <c>MultiRemovalResults</c>, simplified).</summary>
public readonly record struct ClearPrefixResult(uint Removed, bool Complete);
