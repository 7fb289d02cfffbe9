using Subtensor.Core.Types;

namespace Subtensor.Network.Service;

/// <summary>A bounded set of hashes that forgets the oldest entries first (sc-network's <c>LruHashSet</c> of known blocks/transactions).</summary>
internal sealed class KnownSet(int capacity)
{
    private readonly HashSet<Hash256> _set = [];
    private readonly Queue<Hash256> _order = new();

    /// <summary>Adds <paramref name="hash"/>; false when it was already there.</summary>
    public bool Add(Hash256 hash)
    {
        lock (_set)
        {
            if (!_set.Add(hash))
            {
                return false;
            }

            _order.Enqueue(hash);
            while (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    public bool Contains(Hash256 hash)
    {
        lock (_set)
        {
            return _set.Contains(hash);
        }
    }
}
