using System.Runtime.InteropServices;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Native;

namespace Subtensor.Storage.RocksDb;

/// <summary>
/// <see cref="IKeyValueStore"/> over a RocksDB database through its C API. Column <c>i</c> is the i-th name given at
/// open; RocksDB's own "default" column family is opened too but not exposed. Every RocksDB error surfaces as a
/// <see cref="RocksDbException"/> carrying RocksDB's message.
/// </summary>
public sealed unsafe class RocksDbStore : IKeyValueStore
{
    private const string DefaultColumnFamily = "default";

    private readonly RocksDbSafeHandle _db;
    private readonly ColumnFamilySafeHandle[] _handles; // index 0 is "default"
    private readonly ReadOptionsSafeHandle _readOptions;
    private readonly WriteOptionsSafeHandle _writeOptions;
    private readonly CacheSafeHandle? _cache;
    private readonly string[] _columns;

    private RocksDbStore(
        string path, bool readOnly, RocksDbSafeHandle db, ColumnFamilySafeHandle[] handles, string[] columns,
        CacheSafeHandle? cache, RocksDbOptions options)
    {
        Path = path;
        IsReadOnly = readOnly;
        _db = db;
        _handles = handles;
        _columns = columns;
        _cache = cache;
        _readOptions = RocksDbNative.rocksdb_readoptions_create();
        _writeOptions = RocksDbNative.rocksdb_writeoptions_create();
        RocksDbNative.rocksdb_writeoptions_set_sync(_writeOptions, options.SyncWrites ? (byte)1 : (byte)0);
    }

    public string Path { get; }

    public bool IsReadOnly { get; }

    public IReadOnlyList<string> ColumnFamilies => _columns;

    /// <summary>True when <paramref name="path"/> holds a RocksDB database (it has a CURRENT file).</summary>
    public static bool Exists(string path) => File.Exists(System.IO.Path.Combine(path, "CURRENT"));

    /// <summary>Opens (or creates, per <see cref="RocksDbOptions.CreateIfMissing"/>) a database for reading and writing.</summary>
    public static RocksDbStore Open(string path, IReadOnlyList<string> columnFamilies, RocksDbOptions? options = null)
        => OpenCore(path, columnFamilies, options ?? RocksDbOptions.Default, readOnly: false);

    /// <summary>Opens an existing database read-only: nothing on disk is written, WAL contents are replayed in memory only.</summary>
    public static RocksDbStore OpenReadOnly(string path, IReadOnlyList<string> columnFamilies, RocksDbOptions? options = null)
        => OpenCore(path, columnFamilies, (options ?? RocksDbOptions.Default) with { CreateIfMissing = false }, readOnly: true);

    /// <summary>The column families of an existing database, "default" included, as RocksDB lists them.</summary>
    public static IReadOnlyList<string> ListColumnFamilies(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var options = RocksDbNative.rocksdb_options_create();
        var list = RocksDbNative.rocksdb_list_column_families(options, path, out var count, out var err);
        RocksDbError.ThrowIfSet(err, "list column families");
        try
        {
            var names = new string[(int)count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Marshal.PtrToStringUTF8(list[i]) ?? string.Empty;
            }

            return names;
        }
        finally
        {
            RocksDbNative.rocksdb_list_column_families_destroy(list, count);
        }
    }

    private static RocksDbStore OpenCore(string path, IReadOnlyList<string> columnFamilies, RocksDbOptions options, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(columnFamilies);
        var columns = columnFamilies.ToArray();
        if (columns.Contains(DefaultColumnFamily, StringComparer.Ordinal) || columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            throw new ArgumentException("column family names must be distinct and must not include \"default\"", nameof(columnFamilies));
        }

        if (!readOnly && options.CreateIfMissing)
        {
            Directory.CreateDirectory(path);
        }

        var all = new string[columns.Length + 1];
        all[0] = DefaultColumnFamily;
        columns.CopyTo(all, 1);

        CacheSafeHandle? cache = options.BlockCacheBytes > 0 ? RocksDbNative.rocksdb_cache_create_lru((nuint)options.BlockCacheBytes) : null;
        using var dbOptions = CreateOptions(options, cache);
        var names = new nint[all.Length];
        var optionPointers = new nint[all.Length];
        var handles = new nint[all.Length];
        var added = false;
        try
        {
            dbOptions.DangerousAddRef(ref added);
            for (var i = 0; i < all.Length; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(all[i]);
                optionPointers[i] = dbOptions.DangerousGetHandle();
            }

            nint db;
            nint err;
            fixed (nint* n = names)
            fixed (nint* o = optionPointers)
            fixed (nint* h = handles)
            {
                db = readOnly
                    ? RocksDbNative.rocksdb_open_for_read_only_column_families(dbOptions, path, all.Length, n, o, h, 0, out err)
                    : RocksDbNative.rocksdb_open_column_families(dbOptions, path, all.Length, n, o, h, out err);
            }

            RocksDbError.ThrowIfSet(err, readOnly ? "open (read-only)" : "open");
            var dbHandle = new RocksDbSafeHandle(db);
            var cfHandles = new ColumnFamilySafeHandle[all.Length];
            for (var i = 0; i < all.Length; i++)
            {
                cfHandles[i] = new ColumnFamilySafeHandle(handles[i], dbHandle);
            }

            return new RocksDbStore(path, readOnly, dbHandle, cfHandles, columns, cache, options);
        }
        catch
        {
            cache?.Dispose();
            throw;
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }

            if (added)
            {
                dbOptions.DangerousRelease();
            }
        }
    }

    private static OptionsSafeHandle CreateOptions(RocksDbOptions options, CacheSafeHandle? cache)
    {
        var o = RocksDbNative.rocksdb_options_create();
        RocksDbNative.rocksdb_options_set_create_if_missing(o, options.CreateIfMissing ? (byte)1 : (byte)0);
        RocksDbNative.rocksdb_options_set_create_missing_column_families(o, options.CreateIfMissing ? (byte)1 : (byte)0);
        RocksDbNative.rocksdb_options_set_paranoid_checks(o, 1);
        RocksDbNative.rocksdb_options_increase_parallelism(o, Math.Max(1, options.Parallelism));
        RocksDbNative.rocksdb_options_set_max_open_files(o, options.MaxOpenFiles);
        RocksDbNative.rocksdb_options_set_compression(o, (int)options.Compression);
        RocksDbNative.rocksdb_options_set_write_buffer_size(o, (nuint)Math.Max(1L << 20, options.WriteBufferBytes));
        RocksDbNative.rocksdb_options_set_keep_log_file_num(o, (nuint)Math.Max(1, options.KeepLogFiles));
        RocksDbNative.rocksdb_options_set_level_compaction_dynamic_level_bytes(o, 1);
        if (options.MemtableBloom)
        {
            // most lookups of a block commit are for new trie nodes: let the memtable answer "absent" from a filter
            RocksDbNative.rocksdb_options_set_memtable_prefix_bloom_size_ratio(o, 0.1);
            RocksDbNative.rocksdb_options_set_memtable_whole_key_filtering(o, 1);
        }

        using var table = RocksDbNative.rocksdb_block_based_options_create();
        if (cache is null)
        {
            RocksDbNative.rocksdb_block_based_options_set_no_block_cache(table, 1);
        }
        else
        {
            RocksDbNative.rocksdb_block_based_options_set_block_cache(table, cache);
            RocksDbNative.rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(table, 1);
        }

        if (options.BloomBitsPerKey > 0)
        {
            RocksDbNative.rocksdb_block_based_options_set_filter_policy(table, RocksDbNative.rocksdb_filterpolicy_create_bloom_full(options.BloomBitsPerKey));
        }

        RocksDbNative.rocksdb_options_set_block_based_table_factory(o, table);
        return o;
    }

    private ColumnFamilySafeHandle Handle(int column)
    {
        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"this store has {_columns.Length} column families");
        }

        return _handles[column + 1];
    }

    public byte[]? Get(int column, ReadOnlySpan<byte> key) => GetCore(_readOptions, column, key);

    public byte[]?[] MultiGet(int column, IReadOnlyList<byte[]> keys) => MultiGetCore(_readOptions, column, keys);

    public IKeyValueIterator CreateIterator(int column, byte[]? lowerBound = null, byte[]? upperBound = null)
        => CreateIteratorCore(column, lowerBound, upperBound, snapshot: null);

    public void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var cf = Handle(column);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.rocksdb_put_cf(_db, _writeOptions, cf, k, (nuint)key.Length, v, (nuint)value.Length, out var err);
            RocksDbError.ThrowIfSet(err, "put");
        }
    }

    public void Delete(int column, ReadOnlySpan<byte> key)
    {
        var cf = Handle(column);
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_delete_cf(_db, _writeOptions, cf, k, (nuint)key.Length, out var err);
            RocksDbError.ThrowIfSet(err, "delete");
        }
    }

    public IWriteBatch CreateWriteBatch() => new RocksDbWriteBatch(this);

    public void Write(IWriteBatch batch)
    {
        if (batch is not RocksDbWriteBatch rocksBatch || !ReferenceEquals(rocksBatch.Store, this))
        {
            throw new ArgumentException("the batch was not created by this store", nameof(batch));
        }

        RocksDbNative.rocksdb_write(_db, _writeOptions, rocksBatch.Handle, out var err);
        RocksDbError.ThrowIfSet(err, "write");
    }

    public IKeyValueSnapshot CreateSnapshot()
    {
        var native = RocksDbNative.rocksdb_create_snapshot(_db);
        var snapshot = new SnapshotSafeHandle(native, _db);
        var readOptions = RocksDbNative.rocksdb_readoptions_create();
        RocksDbNative.rocksdb_readoptions_set_snapshot(readOptions, snapshot);
        return new RocksDbSnapshot(this, snapshot, readOptions);
    }

    public void Flush()
    {
        using var options = RocksDbNative.rocksdb_flushoptions_create();
        RocksDbNative.rocksdb_flushoptions_set_wait(options, 1);
        for (var i = 1; i < _handles.Length; i++)
        {
            RocksDbNative.rocksdb_flush_cf(_db, options, _handles[i], out var err);
            RocksDbError.ThrowIfSet(err, "flush");
        }
    }

    public void Compact(int column) => RocksDbNative.rocksdb_compact_range_cf(_db, Handle(column), null, 0, null, 0);

    /// <summary>A RocksDB property of a column family (e.g. "rocksdb.estimate-num-keys"), or null when unknown.</summary>
    public string? GetProperty(int column, string propertyName)
    {
        var value = RocksDbNative.rocksdb_property_value_cf(_db, Handle(column), propertyName);
        return value == 0 ? null : RocksDbError.Take(value);
    }

    public void Dispose()
    {
        _readOptions.Dispose();
        _writeOptions.Dispose();
        foreach (var handle in _handles)
        {
            handle.Dispose();
        }

        _db.Dispose();
        _cache?.Dispose();
    }

    internal ColumnFamilySafeHandle ColumnHandle(int column) => Handle(column);

    internal byte[]? GetCore(ReadOptionsSafeHandle readOptions, int column, ReadOnlySpan<byte> key)
    {
        var cf = Handle(column);
        nint slice;
        fixed (byte* k = key)
        {
            slice = RocksDbNative.rocksdb_get_pinned_cf(_db, readOptions, cf, k, (nuint)key.Length, out var err);
            RocksDbError.ThrowIfSet(err, "get");
        }

        if (slice == 0)
        {
            return null;
        }

        try
        {
            var value = RocksDbNative.rocksdb_pinnableslice_value(slice, out var length);
            return new ReadOnlySpan<byte>(value, checked((int)length)).ToArray();
        }
        finally
        {
            RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    internal byte[]?[] MultiGetCore(ReadOptionsSafeHandle readOptions, int column, IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var cf = Handle(column);
        var count = keys.Count;
        var results = new byte[]?[count];
        if (count == 0)
        {
            return results;
        }

        long total = 0;
        var sorted = true;
        for (var i = 0; i < count; i++)
        {
            total += keys[i].Length;
            sorted &= i == 0 || keys[i - 1].AsSpan().SequenceCompareTo(keys[i]) < 0;
        }

        var keyBuffer = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, total));
        var keyPointers = new nint[count];
        var keySizes = new nuint[count];
        var values = new nint[count];
        var errors = new nint[count];
        try
        {
            long offset = 0;
            for (var i = 0; i < count; i++)
            {
                var key = keys[i];
                key.CopyTo(new Span<byte>(keyBuffer + offset, key.Length));
                keyPointers[i] = (nint)(keyBuffer + offset);
                keySizes[i] = (nuint)key.Length;
                offset += key.Length;
            }

            fixed (nint* k = keyPointers)
            fixed (nuint* ks = keySizes)
            fixed (nint* v = values)
            fixed (nint* e = errors)
            {
                RocksDbNative.rocksdb_batched_multi_get_cf(_db, readOptions, cf, (nuint)count, k, ks, v, e, sorted);
            }

            string? firstError = null;
            for (var i = 0; i < count; i++)
            {
                if (errors[i] != 0)
                {
                    firstError ??= RocksDbError.Take(errors[i]);
                    errors[i] = 0;
                }

                if (values[i] != 0)
                {
                    var value = RocksDbNative.rocksdb_pinnableslice_value(values[i], out var length);
                    results[i] = new ReadOnlySpan<byte>(value, checked((int)length)).ToArray();
                }
            }

            return firstError is null ? results : throw new RocksDbException("multi-get", firstError);
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (values[i] != 0)
                {
                    RocksDbNative.rocksdb_pinnableslice_destroy(values[i]);
                }

                if (errors[i] != 0)
                {
                    RocksDbNative.rocksdb_free(errors[i]);
                }
            }

            NativeMemory.Free(keyBuffer);
        }
    }

    internal IKeyValueIterator CreateIteratorCore(int column, byte[]? lowerBound, byte[]? upperBound, SnapshotSafeHandle? snapshot)
    {
        var cf = Handle(column);
        var parents = new List<System.Runtime.InteropServices.SafeHandle>(5) { _db };
        var readOptions = RocksDbNative.rocksdb_readoptions_create();
        NativeBufferSafeHandle? lower = null;
        NativeBufferSafeHandle? upper = null;
        try
        {
            parents.Add(readOptions);
            if (snapshot is not null)
            {
                RocksDbNative.rocksdb_readoptions_set_snapshot(readOptions, snapshot);
                parents.Add(snapshot);
            }

            if (lowerBound is not null)
            {
                lower = new NativeBufferSafeHandle(lowerBound);
                RocksDbNative.rocksdb_readoptions_set_iterate_lower_bound(readOptions, lower.Pointer, (nuint)lower.Length);
                parents.Add(lower);
            }

            if (upperBound is not null)
            {
                upper = new NativeBufferSafeHandle(upperBound);
                RocksDbNative.rocksdb_readoptions_set_iterate_upper_bound(readOptions, upper.Pointer, (nuint)upper.Length);
                parents.Add(upper);
            }

            var native = RocksDbNative.rocksdb_create_iterator_cf(_db, readOptions, cf);
            var iterator = new IteratorSafeHandle(native, [.. parents]);
            return new RocksDbIterator(iterator);
        }
        finally
        {
            // The iterator handle holds its own references; these wrappers' ownership ends here.
            readOptions.Dispose();
            lower?.Dispose();
            upper?.Dispose();
        }
    }
}
