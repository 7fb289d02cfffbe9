using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Storage;
using Subtensor.Storage.Chain;
using Subtensor.Storage.RocksDb;
using Subtensor.Trie;

namespace Subtensor.Storage.CrashHarness;

/// <summary>
/// The deterministic workload of the crash test: genesis and the changes of block N follow from (seed, N) alone,
/// so the verifying process can rebuild the expected state of any block without trusting the database.
/// </summary>
public sealed class CrashWorkload
{
    public const TrieLayout Layout = TrieLayout.V1;

    private readonly byte[][] _keys;

    public CrashWorkload(int seed, int changesPerBlock = 10_000, int keySpace = 40_000)
    {
        Seed = seed;
        ChangesPerBlock = changesPerBlock;
        _keys = new byte[keySpace][];
        for (var i = 0; i < keySpace; i++)
        {
            _keys[i] = Hash256.Blake2(BitConverter.GetBytes(i)).ToArray();
        }
    }

    public int Seed { get; }

    public int ChangesPerBlock { get; }

    /// <summary>The database options both the writer and the verifier use.</summary>
    public static ChainDatabaseOptions Options { get; } = new()
    {
        StatePruning = PruningMode.KeepLast(4),
        BlocksPruning = PruningMode.ArchiveCanonical,
        RocksDb = new RocksDbOptions { BlockCacheBytes = 32 << 20, WriteBufferBytes = 4 << 20, Parallelism = 2 },
    };

    /// <summary>Finalization trails the best block by this many blocks, so a crash also meets unfinalized blocks.</summary>
    public const uint FinalityLag = 2;

    public IEnumerable<KeyValuePair<byte[], byte[]>> GenesisEntries()
    {
        var random = new Random(Seed);
        for (var i = 0; i < _keys.Length; i += 2)
        {
            yield return new(_keys[i], Value(random));
        }
    }

    /// <summary>Changes of block <paramref name="number"/>; a null value removes the key.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]?>> Changes(uint number)
    {
        var random = new Random(unchecked((Seed * 1_000_003) + (int)number)); // not HashCode: it is seeded per process
        for (var i = 0; i < ChangesPerBlock; i++)
        {
            var key = _keys[random.Next(_keys.Length)];
            yield return new(key, random.Next(10) == 0 ? null : Value(random));
        }
    }

    public static byte[] Body(uint number) => new ScaleWriter().WriteCompact(1u).WriteByteVec(BitConverter.GetBytes(number)).ToArray();

    public static byte[] Header(Hash256 parent, uint number, Hash256 stateRoot)
    {
        var writer = new ScaleWriter();
        parent.EncodeTo(writer);
        writer.WriteCompact(number);
        stateRoot.EncodeTo(writer);
        Hash256.Blake2(Body(number)).EncodeTo(writer);
        writer.WriteCompact(0u);
        return writer.ToArray();
    }

    private static byte[] Value(Random random)
    {
        var value = new byte[random.Next(1, 65)];
        random.NextBytes(value);
        return value;
    }
}
