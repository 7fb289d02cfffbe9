using System.Text;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Tests.Support;

namespace Subtensor.Storage.Tests.KeyValue;

public sealed class KeyValueStoreContractTests
{
    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    private static string S(ReadOnlySpan<byte> b) => Encoding.ASCII.GetString(b);

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Put_get_delete_are_per_column(string kind)
    {
        using var h = new StoreHarness(kind);
        var s = h.Store;
        s.Put(0, B("k"), B("v0"));
        s.Put(1, B("k"), B("v1"));
        Assert.Equal("v0", S(s.Get(0, B("k"))));
        Assert.Equal("v1", S(s.Get(1, B("k"))));
        s.Delete(0, B("k"));
        Assert.Null(s.Get(0, B("k")));
        Assert.Equal("v1", S(s.Get(1, B("k"))));
        Assert.Null(s.Get(1, B("missing")));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Empty_keys_and_values_round_trip(string kind)
    {
        using var h = new StoreHarness(kind);
        h.Store.Put(0, [], []);
        var value = h.Store.Get(0, []);
        Assert.NotNull(value);
        Assert.Empty(value);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Batch_is_invisible_until_written_and_then_applies_in_order(string kind)
    {
        using var h = new StoreHarness(kind);
        var s = h.Store;
        s.Put(0, B("old"), B("x"));
        using var batch = s.CreateWriteBatch();
        batch.Put(0, B("a"), B("1"));
        batch.Put(1, B("b"), B("2"));
        batch.Delete(0, B("old"));
        batch.Put(0, B("c"), B("first"));
        batch.Delete(0, B("c"));
        batch.Delete(0, B("d"));
        batch.Put(0, B("d"), B("second"));
        Assert.Equal(7, batch.Count);
        Assert.Null(s.Get(0, B("a")));
        Assert.NotNull(s.Get(0, B("old")));

        s.Write(batch);

        Assert.Equal("1", S(s.Get(0, B("a"))));
        Assert.Equal("2", S(s.Get(1, B("b"))));
        Assert.Null(s.Get(0, B("old")));
        Assert.Null(s.Get(0, B("c")));
        Assert.Equal("second", S(s.Get(0, B("d"))));

        batch.Clear();
        Assert.Equal(0, batch.Count);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void MultiGet_answers_each_key_in_order(string kind)
    {
        using var h = new StoreHarness(kind);
        h.Store.Put(0, B("x"), B("1"));
        h.Store.Put(0, B("z"), B("3"));
        var values = h.Store.MultiGet(0, [B("z"), B("y"), B("x"), B("x")]);
        Assert.Equal(["3", null, "1", "1"], values.Select(v => v is null ? null : S(v)));
        Assert.Empty(h.Store.MultiGet(0, []));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Iterator_seeks_and_moves_both_ways(string kind)
    {
        using var h = new StoreHarness(kind);
        foreach (var k in new[] { "b", "d", "f", "h" })
        {
            h.Store.Put(0, B(k), B(k.ToUpperInvariant()));
        }

        h.Store.Put(1, B("a"), B("other column"));

        using var it = h.Store.CreateIterator(0);
        Assert.False(it.IsValid);
        it.SeekToFirst();
        Assert.Equal("b", S(it.Key));
        Assert.Equal("B", S(it.Value));
        it.Seek(B("c"));
        Assert.Equal("d", S(it.Key));
        it.Next();
        Assert.Equal("f", S(it.Key));
        it.Prev();
        it.Prev();
        Assert.Equal("b", S(it.Key));
        it.Prev();
        Assert.False(it.IsValid);
        it.SeekToLast();
        Assert.Equal("h", S(it.Key));
        it.Next();
        Assert.False(it.IsValid);
        it.SeekForPrev(B("e"));
        Assert.Equal("d", S(it.Key));
        it.SeekForPrev(B("d"));
        Assert.Equal("d", S(it.Key));
        it.SeekForPrev(B("a"));
        Assert.False(it.IsValid);
        it.Seek(B("i"));
        Assert.False(it.IsValid);
        Assert.Throws<InvalidOperationException>(() => it.Next());
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Iterator_bounds_clamp_every_move(string kind)
    {
        using var h = new StoreHarness(kind);
        foreach (var k in new[] { "a", "b", "c", "d", "e" })
        {
            h.Store.Put(0, B(k), B(k));
        }

        using var it = h.Store.CreateIterator(0, lowerBound: B("b"), upperBound: B("d"));
        it.SeekToFirst();
        Assert.Equal("b", S(it.Key));
        it.SeekToLast();
        Assert.Equal("c", S(it.Key));
        it.Next();
        Assert.False(it.IsValid);
        it.Seek(B("a"));
        Assert.Equal("b", S(it.Key));
        it.SeekForPrev(B("z"));
        Assert.Equal("c", S(it.Key));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Prefix_enumeration_forward_and_reverse(string kind)
    {
        using var h = new StoreHarness(kind);
        byte[][] keys = [[0x01], [0x01, 0xff], [0x01, 0xff, 0x00], [0x01, 0xff, 0xff], [0x02], [0x01, 0x00], [0x00, 0xff]];
        foreach (var k in keys)
        {
            h.Store.Put(0, k, k);
        }

        var forward = h.Store.EnumeratePrefix(0, [0x01, 0xff]).Select(e => Convert.ToHexString(e.Key)).ToArray();
        Assert.Equal(["01FF", "01FF00", "01FFFF"], forward);
        var reverse = h.Store.EnumeratePrefix(0, [0x01], reverse: true).Select(e => Convert.ToHexString(e.Key)).ToArray();
        Assert.Equal(["01FFFF", "01FF00", "01FF", "0100", "01"], reverse);
        Assert.Equal(keys.Length, h.Store.EnumeratePrefix(0, []).Count());
        Assert.Empty(h.Store.EnumeratePrefix(0, [0x03]));
        Assert.Null(KeyValueReaderExtensions.PrefixUpperBound([0xff, 0xff]));
        Assert.Equal([0x01, 0x03], KeyValueReaderExtensions.PrefixUpperBound([0x01, 0x02, 0xff]));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Snapshot_sees_the_store_as_it_was(string kind)
    {
        using var h = new StoreHarness(kind);
        var s = h.Store;
        s.Put(0, B("a"), B("1"));
        s.Put(0, B("b"), B("1"));
        using var snapshot = s.CreateSnapshot();
        s.Put(0, B("a"), B("2"));
        s.Delete(0, B("b"));
        s.Put(0, B("c"), B("2"));

        Assert.Equal("1", S(snapshot.Get(0, B("a"))));
        Assert.Equal("1", S(snapshot.Get(0, B("b"))));
        Assert.Null(snapshot.Get(0, B("c")));
        Assert.Equal(["1", "1", null], snapshot.MultiGet(0, [B("a"), B("b"), B("c")]).Select(v => v is null ? null : S(v)));
        Assert.Equal(["a", "b"], snapshot.EnumeratePrefix(0, []).Select(e => S(e.Key)));
        Assert.Equal(["a", "c"], s.EnumeratePrefix(0, []).Select(e => S(e.Key)));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Bad_column_index_is_rejected(string kind)
    {
        using var h = new StoreHarness(kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Store.Get(2, B("k")));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Store.Put(-1, B("k"), B("v")));
        using var batch = h.Store.CreateWriteBatch();
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Put(5, B("k"), B("v")));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Kinds), MemberType = typeof(StoreHarness))]
    public void Randomized_operations_match_a_sorted_dictionary(string kind)
    {
        using var h = new StoreHarness(kind);
        var model = new SortedDictionary<byte[], byte[]>(Core.Types.ByteArrayComparer.Instance);
        var random = new Random(1234);
        for (var round = 0; round < 40; round++)
        {
            using var batch = h.Store.CreateWriteBatch();
            for (var i = 0; i < 50; i++)
            {
                var key = new byte[random.Next(0, 4)];
                random.NextBytes(key);
                if (random.Next(3) == 0)
                {
                    batch.Delete(0, key);
                    model.Remove(key);
                }
                else
                {
                    var value = new byte[random.Next(0, 8)];
                    random.NextBytes(value);
                    batch.Put(0, key, value);
                    model[key] = value;
                }
            }

            h.Store.Write(batch);
            var prefix = new byte[random.Next(0, 2)];
            random.NextBytes(prefix);
            var expected = model.Where(e => e.Key.AsSpan().StartsWith(prefix)).Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)).ToArray();
            var actual = h.Store.EnumeratePrefix(0, prefix).Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)).ToArray();
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Reverse(), h.Store.EnumeratePrefix(0, prefix, reverse: true).Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)));
        }
    }
}
