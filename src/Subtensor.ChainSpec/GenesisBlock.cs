using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.ChainSpec;

/// <summary>
/// The genesis block of a chain spec: its storage, the trie layout (state version) it was hashed with, the runtime
/// version read from <c>:code</c> (null when the state version was given explicitly), the header and its hash.
/// </summary>
public sealed record GenesisBlock(GenesisStorage Storage, TrieLayout StateVersion, RuntimeVersion? RuntimeVersion, Header Header)
{
    public Hash256 Hash { get; } = Header.Hash();

    public Hash256 StateRoot => Header.StateRoot;
}
