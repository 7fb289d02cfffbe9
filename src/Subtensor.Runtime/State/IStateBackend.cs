using Subtensor.Core.Types;

namespace Subtensor.Runtime.State;

/// <summary>
/// The committed state an <see cref="OverlayedState"/> reads through (a block's parent state), and the trie that
/// turns a set of pending changes into a root. The node implements this over its trie database; tests and
/// genesis building use <see cref="InMemoryStateBackend"/>.
/// </summary>
public interface IStateBackend
{
    byte[]? Get(byte[] key);

    byte[]? NextKey(byte[] key);

    byte[]? ChildGet(byte[] childKey, byte[] key);

    byte[]? ChildNextKey(byte[] childKey, byte[] key);

    /// <summary>Root of the main trie after applying <paramref name="changes"/> (sorted by key; a null value deletes).</summary>
    Hash256 Root(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version);

    /// <summary>Root of a default child trie after applying <paramref name="changes"/>.</summary>
    Hash256 ChildRoot(byte[] childKey, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version);
}
