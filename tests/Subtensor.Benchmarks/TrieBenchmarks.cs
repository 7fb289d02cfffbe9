using BenchmarkDotNet.Attributes;
using Subtensor.Trie;

namespace Subtensor.Benchmarks;

/// <summary>
/// Issue target: root of 100k random 32-byte keys with 64-byte values in memory under 400 ms; plus incremental
/// insertion of 10k keys into a 1M-key in-memory trie (insert + commit).
/// </summary>
[MemoryDiagnoser]
public class TrieBenchmarks
{
    private KeyValuePair<byte[], byte[]>[] _entries = [];
    private MutableTrie _large = new(TrieLayout.V1);
    private KeyValuePair<byte[], byte[]>[] _extra = [];

    [Params(TrieLayout.V0, TrieLayout.V1)]
    public TrieLayout Layout { get; set; }

    [GlobalSetup(Targets = [nameof(Root100kRandom), nameof(IncrementalRoot100kRandom)])]
    public void SetupRoot() => _entries = Random(100_000, seed: 1);

    [GlobalSetup(Target = nameof(Insert10kInto1M))]
    public void SetupLarge()
    {
        _large = new MutableTrie(Layout);
        foreach (var (k, v) in Random(1_000_000, seed: 2))
        {
            _large.Set(k, v);
        }

        _large.Commit();
        _extra = Random(10_000, seed: 3);
    }

    /// <summary>The fast builder over unsorted input (the sort is included).</summary>
    [Benchmark]
    public object Root100kRandom() => TrieRootBuilder.Root(_entries, Layout);

    /// <summary>The same root through the incremental trie, for comparison.</summary>
    [Benchmark]
    public object IncrementalRoot100kRandom()
    {
        var trie = new MutableTrie(Layout);
        foreach (var (k, v) in _entries)
        {
            trie.Set(k, v);
        }

        return trie.Commit().Root;
    }

    [Benchmark]
    public object Insert10kInto1M()
    {
        foreach (var (k, v) in _extra)
        {
            _large.Set(k, v);
        }

        return _large.Commit().Root;
    }

    [IterationCleanup(Target = nameof(Insert10kInto1M))]
    public void RemoveExtra()
    {
        foreach (var (k, _) in _extra)
        {
            _large.Remove(k);
        }

        _large.Commit();
    }

    private static KeyValuePair<byte[], byte[]>[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new KeyValuePair<byte[], byte[]>[count];
        for (var i = 0; i < count; i++)
        {
            var key = new byte[32];
            var value = new byte[64];
            random.NextBytes(key);
            random.NextBytes(value);
            entries[i] = new(key, value);
        }

        return entries;
    }
}
