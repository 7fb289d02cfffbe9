using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>A block by hash and number.</summary>
public readonly record struct BlockRef(Hash256 Hash, uint Number)
{
    public override string ToString() => $"#{Number} ({Hash})";
}
