namespace Subtensor.Storage.Chain;

/// <summary>
/// The column families of the chain database (docs/ARCHITECTURE.md, plus <c>state_meta</c> for the pruning journal, like
/// Substrate's STATE_META column).
/// </summary>
public static class ChainColumns
{
    /// <summary>Well-known records: schema version, genesis, best, finalized, pruning modes and floors.</summary>
    public const int Meta = 0;

    /// <summary>Block hash → SCALE header.</summary>
    public const int Headers = 1;

    /// <summary>Block hash → SCALE body (Vec of extrinsics).</summary>
    public const int Bodies = 2;

    /// <summary>Block hash → SCALE justifications.</summary>
    public const int Justifications = 3;

    /// <summary>'n' ‖ number (u32 BE) → canonical hash; 'u' ‖ number ‖ hash → parent hash of each unfinalized block.</summary>
    public const int Lookup = 4;

    /// <summary>
    /// Blake2-256 hash → trie node encoding (or a layout-V1 value); in the pruned modes prefixed with its reference
    /// count (u32 LE).
    /// </summary>
    public const int State = 5;

    /// <summary>'j' ‖ number ‖ block hash → journal of the trie nodes the block inserted and deleted.</summary>
    public const int StateMeta = 6;

    /// <summary>Reserved for an optional transaction index.</summary>
    public const int TxIndex = 7;

    public static IReadOnlyList<string> Names { get; } =
        ["meta", "headers", "bodies", "justifications", "lookup", "state", "state_meta", "txindex"];
}
