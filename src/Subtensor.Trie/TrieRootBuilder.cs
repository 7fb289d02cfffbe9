using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Trie.Codec;

namespace Subtensor.Trie;

/// <summary>
/// Computes the root of a complete key/value set in one pass over the sorted keys (what <c>trie_root</c> /
/// <c>TrieStream</c> do in polkadot-sdk), without building a trie in memory. Iterative, so deep key sets cannot
/// exhaust the stack. Optionally returns every hashed node (and V1 value blob) for writing a genesis state.
/// </summary>
public static class TrieRootBuilder
{
    /// <summary>Root of <paramref name="entries"/> (any order, no duplicate keys) under <paramref name="layout"/>.</summary>
    public static Hash256 Root(IEnumerable<KeyValuePair<byte[], byte[]>> entries, TrieLayout layout)
    {
        var (keys, values) = SortedArrays(entries);
        return new Run(keys, values, layout, null).Execute();
    }

    /// <summary>Root of entries already in strictly increasing key order; throws if they are not.</summary>
    public static Hash256 RootOfSorted(IReadOnlyList<KeyValuePair<byte[], byte[]>> sorted, TrieLayout layout)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var keys = new byte[sorted.Count][];
        var values = new byte[sorted.Count][];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = sorted[i].Key ?? throw new ArgumentException($"key {i} is null", nameof(sorted));
            values[i] = sorted[i].Value ?? throw new ArgumentException($"value {i} is null", nameof(sorted));
            if (i > 0 && keys[i - 1].AsSpan().SequenceCompareTo(keys[i]) >= 0)
            {
                throw new ArgumentException($"keys are not strictly increasing at index {i}", nameof(sorted));
            }
        }

        return new Run(keys, values, layout, null).Execute();
    }

    /// <summary>
    /// Root plus every node a store needs for this state: each hashed node encoding (the root always) and each
    /// V1 value blob, once per occurrence. <see cref="TrieNodeChanges.Deleted"/> is empty.
    /// </summary>
    public static TrieNodeChanges Build(IEnumerable<KeyValuePair<byte[], byte[]>> entries, TrieLayout layout)
    {
        var (keys, values) = SortedArrays(entries);
        var nodes = new List<KeyValuePair<Hash256, byte[]>>();
        var root = new Run(keys, values, layout, nodes).Execute();
        return new TrieNodeChanges(root, nodes, []);
    }

    /// <summary>
    /// Ordered trie root (<c>ordered_trie_root</c>): keys are SCALE Compact&lt;u32&gt; indexes, values the items as
    /// given. The extrinsics root uses this with each extrinsic's length-prefixed encoding and layout V0.
    /// </summary>
    public static Hash256 OrderedRoot(IReadOnlyList<byte[]> values, TrieLayout layout)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entries = new KeyValuePair<byte[], byte[]>[values.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new(Compact.Encode((uint)i), values[i] ?? throw new ArgumentException($"value {i} is null", nameof(values)));
        }

        return Root(entries, layout);
    }

    private static (byte[][] Keys, byte[][] Values) SortedArrays(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries as ICollection<KeyValuePair<byte[], byte[]>> ?? entries.ToList();
        var keys = new byte[list.Count][];
        var values = new byte[list.Count][];
        var n = 0;
        foreach (var (k, v) in list)
        {
            keys[n] = k ?? throw new ArgumentException($"key {n} is null", nameof(entries));
            values[n] = v ?? throw new ArgumentException($"value {n} is null", nameof(entries));
            n++;
        }

        SortKeys(keys, values);
        for (var i = 1; i < n; i++)
        {
            if (keys[i - 1].AsSpan().SequenceEqual(keys[i]))
            {
                throw new ArgumentException($"duplicate key {Hex.ToHex(keys[i])}", nameof(entries));
            }
        }

        return (keys, values);
    }

    // Sorts by an 8-byte big-endian prefix first (cheap integer compares), falling back to the full bytes on ties.
    private static void SortKeys(byte[][] keys, byte[][] values)
    {
        var order = new SortItem[keys.Length];
        Span<byte> head = stackalloc byte[8];
        for (var i = 0; i < keys.Length; i++)
        {
            head.Clear();
            keys[i].AsSpan(0, Math.Min(8, keys[i].Length)).CopyTo(head);
            order[i] = new SortItem(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(head), keys[i], values[i]);
        }

        Array.Sort(order, default(SortItemComparer));
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = order[i].Key;
            values[i] = order[i].Value;
        }
    }

    private readonly record struct SortItem(ulong Head, byte[] Key, byte[] Value);

    private readonly struct SortItemComparer : IComparer<SortItem>
    {
        public int Compare(SortItem x, SortItem y)
            => x.Head != y.Head ? x.Head.CompareTo(y.Head) : x.Key.AsSpan().SequenceCompareTo(y.Key);
    }

    /// <summary>One root computation: a stack of open branches over sorted key ranges.</summary>
    private sealed class Run
    {
        // A child reference slot: one length byte, then the inline encoding or the 32-byte hash.
        private const int SlotSize = 1 + Hash256.Length;
        private const int FrameSlots = 16 * SlotSize;

        private readonly byte[][] _keys;
        private readonly byte[][] _values;
        private readonly TrieLayout _layout;
        private readonly List<KeyValuePair<Hash256, byte[]>>? _nodes;
        private readonly ScaleWriter _writer = new(256);
        private readonly List<Frame> _frames = [];
        private byte[] _slots = new byte[FrameSlots * 8];

        public Run(byte[][] keys, byte[][] values, TrieLayout layout, List<KeyValuePair<Hash256, byte[]>>? nodes)
        {
            _keys = keys;
            _values = values;
            _layout = layout;
            _nodes = nodes;
        }

        public Hash256 Execute()
        {
            if (_keys.Length == 0)
            {
                return TrieConstants.EmptyRoot;
            }

            Span<byte> rootRef = stackalloc byte[SlotSize];
            if (_keys.Length == 1)
            {
                EncodeLeaf(0, 0);
                Finish(rootRef, isRoot: true);
                return new Hash256(rootRef[1..]);
            }

            Push(0, _keys.Length - 1, 0, -1);
            while (true)
            {
                var index = _frames.Count - 1;
                var frame = _frames[index];
                if (frame.Cursor <= frame.Hi)
                {
                    var e = frame.BranchDepth;
                    var first = frame.Cursor;
                    var nibble = Nibbles.At(_keys[first], e);
                    var last = first;
                    while (last < frame.Hi && Nibbles.At(_keys[last + 1], e) == nibble)
                    {
                        last++;
                    }

                    frame.Cursor = last + 1;
                    frame.Bitmap |= (ushort)(1 << nibble);
                    _frames[index] = frame;
                    var slot = (index * FrameSlots) + (nibble * SlotSize);
                    if (first == last)
                    {
                        EncodeLeaf(first, e + 1);
                        Finish(_slots.AsSpan(slot, SlotSize), isRoot: false);
                    }
                    else
                    {
                        Push(first, last, e + 1, slot);
                    }

                    continue;
                }

                EncodeBranch(index, frame);
                _frames.RemoveAt(index);
                if (index == 0)
                {
                    Finish(rootRef, isRoot: true);
                    return new Hash256(rootRef[1..]);
                }

                Finish(_slots.AsSpan(frame.ParentSlot, SlotSize), isRoot: false);
            }
        }

        private void Push(int lo, int hi, int depth, int parentSlot)
        {
            var e = depth + Nibbles.CommonPrefixOfKeys(_keys[lo], _keys[hi], depth);
            var hasValue = _keys[lo].Length * 2 == e;
            _frames.Add(new Frame
            {
                Lo = lo,
                Hi = hi,
                Depth = depth,
                BranchDepth = e,
                HasValue = hasValue,
                Cursor = hasValue ? lo + 1 : lo,
                ParentSlot = parentSlot,
            });
            var needed = _frames.Count * FrameSlots;
            if (_slots.Length < needed)
            {
                Array.Resize(ref _slots, Math.Max(needed, _slots.Length * 2));
            }
        }

        private void EncodeLeaf(int index, int depth)
        {
            var key = _keys[index];
            var value = _values[index];
            var hashed = TrieConstants.IsHashedValue(_layout, value.Length);
            _writer.Clear();
            NodeEncoder.WriteHeader(_writer, NodeEncoder.Kind(isBranch: false, hasValue: true, hashed), key, depth, key.Length * 2);
            WriteValue(value, hashed);
        }

        private void EncodeBranch(int index, Frame frame)
        {
            var key = _keys[frame.Lo];
            var value = frame.HasValue ? _values[frame.Lo] : null;
            var hashed = value is not null && TrieConstants.IsHashedValue(_layout, value.Length);
            _writer.Clear();
            NodeEncoder.WriteHeader(_writer, NodeEncoder.Kind(isBranch: true, value is not null, hashed), key, frame.Depth, frame.BranchDepth);
            NodeEncoder.WriteBitmap(_writer, frame.Bitmap);
            if (value is not null)
            {
                WriteValue(value, hashed);
            }

            var slots = _slots.AsSpan(index * FrameSlots, FrameSlots);
            for (var i = 0; i < 16; i++)
            {
                if ((frame.Bitmap & (1 << i)) != 0)
                {
                    var slot = slots.Slice(i * SlotSize, SlotSize);
                    NodeEncoder.WriteChild(_writer, slot.Slice(1, slot[0]));
                }
            }
        }

        private void WriteValue(byte[] value, bool hashed)
        {
            if (!hashed)
            {
                NodeEncoder.WriteInlineValue(_writer, value);
                return;
            }

            var hash = Hash256.Blake2(value);
            NodeEncoder.WriteHashedValue(_writer, hash);
            _nodes?.Add(new(hash, value));
        }

        // Turns the encoding in the writer into a reference: inline when short and not the root, otherwise its hash.
        private void Finish(Span<byte> slot, bool isRoot)
        {
            var encoding = _writer.WrittenSpan;
            if (encoding.Length < TrieConstants.InlineLimit && !isRoot)
            {
                slot[0] = (byte)encoding.Length;
                encoding.CopyTo(slot[1..]);
                return;
            }

            slot[0] = Hash256.Length;
            var hash = slot.Slice(1, Hash256.Length);
            Blake2b.Hash(encoding, hash);
            _nodes?.Add(new(new Hash256(hash), encoding.ToArray()));
        }

        private struct Frame
        {
            public int Lo;
            public int Hi;
            public int Depth;
            public int BranchDepth;
            public int Cursor;
            public int ParentSlot;
            public bool HasValue;
            public ushort Bitmap;
        }
    }
}
