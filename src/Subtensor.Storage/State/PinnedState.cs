using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Trie;

namespace Subtensor.Storage.State;

/// <summary>
/// A block's state read through a database snapshot: pruning that happens while it is in use cannot take its nodes
/// away (a plain <see cref="StateView"/> may meet a missing node if its block leaves the pruning window meanwhile).
/// Dispose it promptly: the snapshot holds back the reclaiming of deleted data.
/// </summary>
public sealed class PinnedState : ITrieNodeReader, IDisposable
{
    private readonly IKeyValueSnapshot _snapshot;
    private readonly StateView _view;

    internal PinnedState(IKeyValueSnapshot snapshot, StateView view)
    {
        _snapshot = snapshot;
        _view = view;
    }

    public BlockRef Block => _view.Block;

    public Hash256 Root => _view.Root;

    public byte[]? GetNode(Hash256 hash) => _view.GetNode(hash);

    public MutableTrie OpenTrie(TrieLayout layout) => new(this, Root, layout);

    public void Dispose() => _snapshot.Dispose();
}
