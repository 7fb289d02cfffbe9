namespace Subtensor.Runtime.Metadata;

/// <summary>FRAME <c>StorageEntryModifier</c>: Optional (absent reads as None) or Default (absent reads as the default).</summary>
public enum StorageEntryModifier : byte
{
    Optional = 0,
    Default = 1,
}
