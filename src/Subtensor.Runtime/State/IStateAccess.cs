using Subtensor.Core.Types;

using Subtensor.Trie;

namespace Subtensor.Runtime.State;

/// <summary>
/// Everything the runtime sees of the chain state (the host functions of <c>sp_io::storage</c> and
/// <c>sp_io::default_child_storage</c>): reads and writes of the main trie and of default child tries, ordered key
/// iteration, the storage root, and nested transactional layers. The runtime never reaches a database or the network.
/// </summary>
public interface IStateAccess
{
    byte[]? Get(byte[] key);

    void Set(byte[] key, byte[] value);

    void Clear(byte[] key);

    /// <summary>
    /// Appends one SCALE-encoded element to the <c>Vec</c> stored at <paramref name="key"/> (<c>sp_io::storage::append</c>);
    /// an absent or undecodable value starts a new vector.
    /// </summary>
    void Append(byte[] key, byte[] encodedItem) => Set(key, AppendableVec.AppendEncoded(Get(key), encodedItem));

    /// <summary>Removes keys starting with <paramref name="prefix"/>, at most <paramref name="limit"/> of them; returns how many went and whether all did.</summary>
    ClearPrefixResult ClearPrefix(byte[] prefix, uint? limit = null);

    /// <summary>The smallest key strictly greater than <paramref name="key"/> in the current view, or null.</summary>
    byte[]? NextKey(byte[] key);

    /// <summary>The state root of the current view (pending changes included), in the given layout.</summary>
    Hash256 Root(StateVersion version);

    /// <summary>Opens a nested layer: later writes are undone by <see cref="RollbackTransaction"/>.</summary>
    void StartTransaction();

    void CommitTransaction();

    void RollbackTransaction();

    /// <summary>How many transactional layers are open.</summary>
    int TransactionDepth { get; }

    byte[]? ChildGet(byte[] childKey, byte[] key);

    void ChildSet(byte[] childKey, byte[] key, byte[] value);

    void ChildClear(byte[] childKey, byte[] key);

    /// <summary>Deletes a whole default child trie.</summary>
    void ChildKill(byte[] childKey);

    byte[]? ChildNextKey(byte[] childKey, byte[] key);

    /// <summary>The root of a default child trie in the current view (the empty-trie root when it has no keys).</summary>
    Hash256 ChildRoot(byte[] childKey, StateVersion version);
}
