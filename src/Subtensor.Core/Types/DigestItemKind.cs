namespace Subtensor.Core.Types;

/// <summary>The SCALE variant index of a digest item (<c>sp_runtime::generic::DigestItemType</c>).</summary>
public enum DigestItemKind : byte
{
    /// <summary>Arbitrary bytes: <c>Other(Vec&lt;u8&gt;)</c>.</summary>
    Other = 0,

    /// <summary>A message from the runtime to a consensus engine: <c>Consensus(engine, Vec&lt;u8&gt;)</c>.</summary>
    Consensus = 4,

    /// <summary>A seal signed by the block author: <c>Seal(engine, Vec&lt;u8&gt;)</c>.</summary>
    Seal = 5,

    /// <summary>A pre-runtime digest from the block author: <c>PreRuntime(engine, Vec&lt;u8&gt;)</c>.</summary>
    PreRuntime = 6,

    /// <summary>The runtime code or heap pages changed in this block; no payload.</summary>
    RuntimeEnvironmentUpdated = 8,
}
