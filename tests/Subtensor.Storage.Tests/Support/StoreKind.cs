using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Memory;
using Subtensor.Storage.RocksDb;

namespace Subtensor.Storage.Tests.Support;

/// <summary>Opens the same kind of store for contract tests that must hold for every backend.</summary>
public sealed class StoreHarness : IDisposable
{
    private readonly TempDirectory? _dir;

    public StoreHarness(string kind, params string[] columns)
    {
        Columns = columns.Length == 0 ? ["a", "b"] : columns;
        if (kind == "rocksdb")
        {
            _dir = new TempDirectory();
            Store = RocksDbStore.Open(_dir.Sub("db"), Columns, new RocksDbOptions { BlockCacheBytes = 8 << 20 });
        }
        else
        {
            Store = new MemoryStore(Columns);
        }
    }

    public string[] Columns { get; }

    public IKeyValueStore Store { get; }

    public static TheoryData<string> Kinds => new() { "memory", "rocksdb" };

    public void Dispose()
    {
        Store.Dispose();
        _dir?.Dispose();
    }
}
