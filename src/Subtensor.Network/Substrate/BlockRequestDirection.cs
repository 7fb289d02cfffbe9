namespace Subtensor.Network.Substrate;

/// <summary>Protobuf <c>Direction</c> of a block request.</summary>
public enum BlockRequestDirection
{
    /// <summary>From the start block towards its (canonical) descendants.</summary>
    Ascending = 0,

    /// <summary>From the start block towards its ancestors.</summary>
    Descending = 1,
}
