using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Runtime.Tests.State;

/// <summary>
/// <see cref="OverlayedState.Append"/> grows vectors in place; every view of it (Get, NextKey, TopChanges, Root) and
/// every rollback must equal the copying reference (<see cref="AppendableVec.AppendEncoded"/> through Get + Set).
/// </summary>
public class OverlayedStateAppendTests
{
    private static readonly byte[] VecKey = [7, 7];

    private static OverlayedState Fresh(byte[]? existing) =>
        new(new InMemoryStateBackend(existing is null ? [] : [new KeyValuePair<byte[], byte[]>(VecKey, existing), new([9], [1])]));

    [Fact]
    public void Append_to_absent_backend_and_malformed_values()
    {
        foreach (var existing in new byte[]?[] { null, [], [0x08, 1, 2], [0xff] })
        {
            var s = Fresh(existing);
            s.Append(VecKey, [5]);
            s.Append(VecKey, [6, 6]);
            var reference = AppendableVec.AppendEncoded(AppendableVec.AppendEncoded(existing, [5]), [6, 6]);
            Assert.Equal(reference, s.Get(VecKey));
        }

        // [0x08, 1, 2] is a two-element Vec<u8>: the appends extend it.
        var kept = Fresh([0x08, 1, 2]);
        kept.Append(VecKey, [3]);
        Assert.Equal(new byte[] { 0x0c, 1, 2, 3 }, kept.Get(VecKey));
    }

    [Fact]
    public void Rolled_back_layer_drops_exactly_its_appends()
    {
        var s = Fresh(null);
        s.Append(VecKey, [1]);
        s.StartTransaction();
        s.Append(VecKey, [2]);
        s.StartTransaction();
        s.Append(VecKey, [3]);
        s.RollbackTransaction();
        Assert.Equal(new byte[] { 0x08, 1, 2 }, s.Get(VecKey));
        s.Append(VecKey, [4]);
        s.CommitTransaction();
        Assert.Equal(new byte[] { 0x0c, 1, 2, 4 }, s.Get(VecKey));
        s.StartTransaction();
        s.Clear(VecKey);
        s.Append(VecKey, [9]);
        Assert.Equal(new byte[] { 0x04, 9 }, s.Get(VecKey));
        s.RollbackTransaction();
        Assert.Equal(new byte[] { 0x0c, 1, 2, 4 }, s.Get(VecKey));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_operations_match_the_copying_reference(int seed)
    {
        var random = new Random(seed);
        byte[][] keys = [VecKey, [7, 8], [9]];
        var fast = Fresh([0x04, 42]);
        var reference = new ReferenceOverlay(Fresh([0x04, 42]));
        for (var step = 0; step < 3_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            switch (random.Next(10))
            {
                case < 5:
                    var item = new byte[random.Next(1, 40)];
                    random.NextBytes(item);
                    fast.Append(key, item);
                    reference.Append(key, item);
                    break;
                case 5:
                    var value = new byte[random.Next(0, 5)];
                    random.NextBytes(value);
                    fast.Set(key, value);
                    reference.Inner.Set(key, value);
                    break;
                case 6:
                    fast.Clear(key);
                    reference.Inner.Clear(key);
                    break;
                case 7 when fast.TransactionDepth < 4:
                    fast.StartTransaction();
                    reference.Inner.StartTransaction();
                    break;
                case 8 when fast.TransactionDepth > 0:
                    fast.CommitTransaction();
                    reference.Inner.CommitTransaction();
                    break;
                case 9 when fast.TransactionDepth > 0:
                    fast.RollbackTransaction();
                    reference.Inner.RollbackTransaction();
                    break;
            }

            foreach (var k in keys)
            {
                Assert.Equal(reference.Inner.Get(k), fast.Get(k));
            }
        }

        Assert.Equal(Render(reference.Inner.TopChanges), Render(fast.TopChanges));
        Assert.Equal(reference.Inner.Root(StateVersion.V1), fast.Root(StateVersion.V1));
        Assert.Equal(reference.Inner.NextKey([7]), fast.NextKey([7]));
    }

    private static string Render(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes) =>
        string.Join(";", changes.Select(c => Convert.ToHexString(c.Key) + "=" + (c.Value is null ? "-" : Convert.ToHexString(c.Value))));

    /// <summary>Appends by decoding and re-encoding the whole value, the behaviour the in-place path must reproduce.</summary>
    private sealed class ReferenceOverlay(OverlayedState inner)
    {
        public OverlayedState Inner { get; } = inner;

        public void Append(byte[] key, byte[] item) => Inner.Set(key, AppendableVec.AppendEncoded(Inner.Get(key), item));
    }
}
