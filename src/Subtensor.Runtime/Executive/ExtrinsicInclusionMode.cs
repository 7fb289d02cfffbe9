namespace Subtensor.Runtime.Executive;

/// <summary>sp_runtime <c>ExtrinsicInclusionMode</c>: what <c>Core_initialize_block</c> returns.</summary>
public enum ExtrinsicInclusionMode : byte
{
    AllExtrinsics = 0,
    OnlyInherents = 1,
}
