namespace Subtensor.ChainSpec;

/// <summary>Which form the <c>genesis</c> field of a chain spec takes.</summary>
public enum GenesisFormat
{
    /// <summary><c>raw</c>: storage key/value pairs (<c>top</c>, <c>childrenDefault</c>).</summary>
    Raw,

    /// <summary><c>runtimeGenesis</c>: runtime code plus a genesis config or patch the runtime turns into storage.</summary>
    RuntimeGenesis,

    /// <summary><c>stateRootHash</c>: only the state root (light clients; no storage).</summary>
    StateRootHash,

    /// <summary><c>runtime</c> / <c>runtimeAndCode</c>: the deprecated native genesis config.</summary>
    LegacyRuntime,
}
