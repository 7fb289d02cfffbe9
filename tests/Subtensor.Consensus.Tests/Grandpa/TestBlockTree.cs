using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Tests.Grandpa;

/// <summary>A block tree shared by the voters of a test; blocks are real SCALE headers (parent ‖ Compact(number) ‖ salt ‖ 0 ‖ no digest).</summary>
internal sealed class TestBlockTree
{
    private readonly object _gate = new();
    private readonly Dictionary<Hash256, (Hash256 Parent, uint Number, byte[] Header)> _blocks = [];
    private readonly List<Hash256> _order = [];

    public TestBlockTree()
    {
        Genesis = Add(Hash256.Zero, 0, 0);
    }

    public Hash256 Genesis { get; }

    public VoteTarget GenesisTarget => new(Genesis, 0);

    /// <summary>Adds <paramref name="count"/> blocks on top of <paramref name="parent"/>; returns the new head.</summary>
    public VoteTarget Grow(VoteTarget parent, int count, byte salt = 0)
    {
        var head = parent;
        for (var i = 0; i < count; i++)
        {
            head = new VoteTarget(Add(head.Hash, head.Number + 1, salt), head.Number + 1);
        }

        return head;
    }

    public VoteTarget Best
    {
        get
        {
            lock (_gate)
            {
                var best = _order.OrderByDescending(h => _blocks[h].Number).First();
                return new VoteTarget(best, _blocks[best].Number);
            }
        }
    }

    public IReadOnlyList<Hash256>? Ancestry(Hash256 @base, Hash256 block)
    {
        lock (_gate)
        {
            if (!_blocks.TryGetValue(@base, out var b) || !_blocks.TryGetValue(block, out var current))
            {
                return null;
            }

            var route = new List<Hash256>();
            var hash = block;
            while (current.Number > b.Number)
            {
                route.Add(hash);
                hash = current.Parent;
                current = _blocks[hash];
            }

            return hash == @base ? route : null;
        }
    }

    public VoteTarget? BestChainContaining(Hash256 @base)
    {
        lock (_gate)
        {
            foreach (var hash in _order.OrderByDescending(h => _blocks[h].Number))
            {
                if (hash == @base || Ancestry(@base, hash) is not null)
                {
                    return new VoteTarget(hash, _blocks[hash].Number);
                }
            }

            return null;
        }
    }

    public byte[]? Header(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var b) ? b.Header : null;
        }
    }

    private Hash256 Add(Hash256 parent, uint number, byte salt)
    {
        var writer = new ScaleWriter();
        parent.EncodeTo(writer);
        writer.WriteCompact(number);
        (salt == 0 ? Hash256.Zero : Hash256.Blake2([salt])).EncodeTo(writer);
        Hash256.Zero.EncodeTo(writer);
        writer.WriteCompact(0u);
        var header = writer.ToArray();
        var hash = Hash256.Blake2(header);
        lock (_gate)
        {
            if (_blocks.TryAdd(hash, (parent, number, header)))
            {
                _order.Add(hash);
            }
        }

        return hash;
    }
}
