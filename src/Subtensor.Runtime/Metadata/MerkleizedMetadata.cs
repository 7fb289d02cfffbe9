using Subtensor.Core.Types;

namespace Subtensor.Runtime.Metadata;

/// <summary>RFC-0078 metadata digest (placeholder until implemented).</summary>
public static class MerkleizedMetadata
{
    public static Hash256 Digest(RuntimeMetadata metadata, RuntimeVersion version, ChainProperties properties) => Hash256.Zero;
}
