using System.Text;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.RocksDb;
using Subtensor.Storage.Tests.Support;

namespace Subtensor.Storage.Tests.KeyValue;

public sealed class RocksDbStoreTests
{
    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void Data_survives_close_and_reopen()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        using (var store = RocksDbStore.Open(path, ["x", "y"]))
        {
            store.Put(1, B("k"), B("v"));
            using var batch = store.CreateWriteBatch();
            batch.Put(0, B("a"), B("b"));
            store.Write(batch);
        }

        Assert.True(RocksDbStore.Exists(path));
        Assert.Equal(["default", "x", "y"], RocksDbStore.ListColumnFamilies(path).Order());
        using (var store = RocksDbStore.Open(path, ["x", "y"]))
        {
            Assert.Equal(B("v"), store.Get(1, B("k")));
            Assert.Equal(B("b"), store.Get(0, B("a")));
        }
    }

    [Fact]
    public void A_second_open_of_a_locked_database_reports_rocksdbs_lock_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        using var first = RocksDbStore.Open(path, ["x"]);
        var e = Assert.Throws<RocksDbException>(() => RocksDbStore.Open(path, ["x"]));
        Assert.Equal("IO error", e.StatusCode);
        Assert.Contains("LOCK", e.RocksDbMessage, StringComparison.Ordinal);
        Assert.Contains(e.RocksDbMessage, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_without_every_existing_column_family_is_rocksdbs_invalid_argument()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        RocksDbStore.Open(path, ["x", "y"]).Dispose();
        var e = Assert.Throws<RocksDbException>(() => RocksDbStore.Open(path, ["x"]));
        Assert.Equal("Invalid argument", e.StatusCode);
    }

    [Fact]
    public void Opening_a_missing_database_without_create_fails_with_rocksdbs_message()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<RocksDbException>(() => RocksDbStore.Open(dir.Sub("none"), ["x"], new RocksDbOptions { CreateIfMissing = false }));
        Assert.Contains("does not exist", e.RocksDbMessage, StringComparison.Ordinal);
        Assert.Throws<RocksDbException>(() => RocksDbStore.OpenReadOnly(dir.Sub("other"), ["x"]));
        Assert.False(RocksDbStore.Exists(dir.Sub("none")));
    }

    [Fact]
    public void Read_only_open_reads_and_does_not_write()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        using (var store = RocksDbStore.Open(path, ["x"]))
        {
            store.Put(0, B("k"), B("v"));
        }

        using var readOnly = RocksDbStore.OpenReadOnly(path, ["x"]);
        Assert.True(readOnly.IsReadOnly);
        Assert.Equal(B("v"), readOnly.Get(0, B("k")));
        Assert.Throws<RocksDbException>(() => readOnly.Put(0, B("k"), B("w")));
    }

    [Fact]
    public void Corrupt_current_file_is_reported_as_corruption()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        RocksDbStore.Open(path, ["x"]).Dispose();
        File.WriteAllText(Path.Combine(path, "CURRENT"), "garbage-without-newline");
        var e = Assert.Throws<RocksDbException>(() => RocksDbStore.Open(path, ["x"]));
        Assert.True(e.IsCorruption, e.Message);
    }

    [Fact]
    public void Iterators_keep_the_database_open_after_the_store_is_disposed()
    {
        using var dir = new TempDirectory();
        var store = RocksDbStore.Open(dir.Sub("db"), ["x"]);
        store.Put(0, B("a"), B("1"));
        store.Put(0, B("b"), B("2"));
        var snapshot = store.CreateSnapshot();
        var iterator = store.CreateIterator(0);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Get(0, B("a")));
        iterator.SeekToFirst();
        Assert.Equal(B("a"), iterator.Key.ToArray());
        iterator.Next();
        Assert.Equal(B("2"), iterator.Value.ToArray());
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(0, B("a")));
        iterator.Dispose();
        snapshot.Dispose();
        store.Dispose();

        // the database is closed now: the lock is free again
        using var again = RocksDbStore.Open(dir.Sub("db"), ["x"]);
        Assert.Equal(B("2"), again.Get(0, B("b")));
    }

    [Theory]
    [InlineData(RocksDbCompression.None)]
    [InlineData(RocksDbCompression.Snappy)]
    [InlineData(RocksDbCompression.Zlib)]
    [InlineData(RocksDbCompression.Lz4)]
    [InlineData(RocksDbCompression.Zstd)]
    public void Every_compression_writes_flushes_compacts_and_reads_back(RocksDbCompression compression)
    {
        using var dir = new TempDirectory();
        var options = new RocksDbOptions { Compression = compression, BlockCacheBytes = 0, MaxOpenFiles = 16, BloomBitsPerKey = 0 };
        using var store = RocksDbStore.Open(dir.Sub("db"), ["x"], options);
        using (var batch = store.CreateWriteBatch())
        {
            for (var i = 0; i < 2000; i++)
            {
                batch.Put(0, BitConverter.GetBytes(i), new byte[100]);
            }

            store.Write(batch);
        }

        store.Flush();
        Assert.Equal("2000", store.GetProperty(0, "rocksdb.estimate-num-keys"));
        for (var i = 0; i < 2000; i += 2)
        {
            store.Delete(0, BitConverter.GetBytes(i));
        }

        store.Flush();
        store.Compact(0);
        Assert.Equal(1000, store.EnumeratePrefix(0, []).Count());
        Assert.Null(store.GetProperty(0, "rocksdb.no-such-property"));
    }

    [Fact]
    public void A_batch_of_another_store_is_rejected()
    {
        using var dir = new TempDirectory();
        using var a = RocksDbStore.Open(dir.Sub("a"), ["x"]);
        using var b = RocksDbStore.Open(dir.Sub("b"), ["x"]);
        using var batch = a.CreateWriteBatch();
        Assert.Throws<ArgumentException>(() => b.Write(batch));
    }
}
