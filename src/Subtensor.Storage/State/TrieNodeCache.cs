using Subtensor.Core.Types;

namespace Subtensor.Storage.State;

/// <summary>
/// A bounded in-memory cache of trie nodes in front of the <c>state</c> column: recently read and recently written
/// nodes (a block's new nodes are what the next block's trie loads first). Approximately LRU: each of 16 shards keeps
/// a young and an old generation; a hit in the old one moves the entry back, and a full young generation becomes the
/// old one, dropping the previous old one.
/// <para>
/// Entries written by the database's single writer carry the node's reference count and mirror the store exactly;
/// entries added by readers carry only the bytes (a reader racing with pruning may cache a node just deleted, which is
/// harmless because nodes are content-addressed), so the writer trusts only its own counts.
/// </para>
/// </summary>
internal sealed class TrieNodeCache
{
    private const int ShardCount = 16;
    private const int EntryOverhead = 96;
    private readonly Shard[] _shards;

    public TrieNodeCache(long capacityBytes)
    {
        _shards = new Shard[ShardCount];
        for (var i = 0; i < ShardCount; i++)
        {
            _shards[i] = new Shard(Math.Max(1, capacityBytes / ShardCount / 2));
        }
    }

    /// <summary>The node bytes, if cached (the caller must not modify them).</summary>
    public byte[]? TryGetNode(Hash256 hash) => ShardOf(hash).TryGet(hash)?.Node;

    /// <summary>The node bytes and reference count, if a writer-maintained entry is cached.</summary>
    public bool TryGetCounted(Hash256 hash, out byte[] node, out uint referenceCount)
    {
        var entry = ShardOf(hash).TryGet(hash);
        if (entry is { ReferenceCount: >= 0 })
        {
            node = entry.Node;
            referenceCount = (uint)entry.ReferenceCount;
            return true;
        }

        node = [];
        referenceCount = 0;
        return false;
    }

    /// <summary>A reader's addition: bytes only, never replacing an existing entry.</summary>
    public void AddRead(Hash256 hash, byte[] node) => ShardOf(hash).Add(hash, new Entry(node, -1), replace: false);

    /// <summary>The writer's record of what it stored: bytes and reference count (-1 when not counted, in archive mode).</summary>
    public void SetWritten(Hash256 hash, byte[] node, long referenceCount) => ShardOf(hash).Add(hash, new Entry(node, referenceCount), replace: true);

    public void Remove(Hash256 hash) => ShardOf(hash).Remove(hash);

    private Shard ShardOf(Hash256 hash) => _shards[(uint)hash.GetHashCode() % ShardCount];

    private sealed record Entry(byte[] Node, long ReferenceCount);

    private sealed class Shard(long generationBytes)
    {
        private readonly object _lock = new();
        private Dictionary<Hash256, Entry> _young = [];
        private Dictionary<Hash256, Entry> _old = [];
        private long _youngBytes;

        public Entry? TryGet(Hash256 hash)
        {
            lock (_lock)
            {
                if (_young.TryGetValue(hash, out var entry))
                {
                    return entry;
                }

                if (_old.Remove(hash, out entry))
                {
                    Insert(hash, entry);
                    return entry;
                }

                return null;
            }
        }

        public void Add(Hash256 hash, Entry entry, bool replace)
        {
            lock (_lock)
            {
                if (_young.TryGetValue(hash, out var existing))
                {
                    if (replace)
                    {
                        _young[hash] = entry;
                        _youngBytes += entry.Node.Length - existing.Node.Length;
                    }

                    return;
                }

                if (_old.Remove(hash, out existing) && !replace)
                {
                    entry = existing;
                }

                Insert(hash, entry);
            }
        }

        public void Remove(Hash256 hash)
        {
            lock (_lock)
            {
                if (_young.Remove(hash, out var entry))
                {
                    _youngBytes -= entry.Node.Length + EntryOverhead;
                }

                _old.Remove(hash);
            }
        }

        private void Insert(Hash256 hash, Entry entry)
        {
            _young[hash] = entry;
            _youngBytes += entry.Node.Length + EntryOverhead;
            if (_youngBytes > generationBytes)
            {
                _old = _young;
                _young = [];
                _youngBytes = 0;
            }
        }
    }
}
