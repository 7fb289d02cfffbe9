using BenchmarkDotNet.Attributes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Benchmarks;

/// <summary>SCALE round trip of a 1,000-element <c>Vec&lt;(AccountId32, u64)&gt;</c> (40,002 bytes encoded).</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private (AccountId32 Account, ulong Amount)[] _items = [];
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _items = Enumerable.Range(0, 1_000).Select(_ =>
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            return (new AccountId32(bytes), (ulong)random.NextInt64());
        }).ToArray();
        _encoded = Encode();
        if (Decode().Length != _items.Length || !Decode().SequenceEqual(_items))
        {
            throw new InvalidOperationException("round trip failed");
        }
    }

    [Benchmark]
    public byte[] Encode() =>
        new ScaleWriter(40_008).WriteVec(_items, static (w, item) =>
        {
            item.Account.EncodeTo(w);
            w.WriteU64(item.Amount);
        }).ToArray();

    [Benchmark]
    public (AccountId32, ulong)[] Decode()
    {
        var reader = new ScaleReader(_encoded);
        var items = reader.ReadVec(static (ref ScaleReader r) => (AccountId32.DecodeFrom(ref r), r.ReadU64()), 40);
        reader.EnsureAtEnd();
        return items;
    }

    [Benchmark]
    public int RoundTrip()
    {
        var reader = new ScaleReader(Encode());
        return reader.ReadVec(static (ref ScaleReader r) => (AccountId32.DecodeFrom(ref r), r.ReadU64()), 40).Length;
    }
}
