namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata V15 <c>CustomValueMetadata</c>: a type id and an encoded value.</summary>
public sealed record CustomValueMetadata(uint Type, byte[] Value);
