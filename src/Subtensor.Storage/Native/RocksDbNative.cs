using System.Runtime.InteropServices;

namespace Subtensor.Storage.Native;

/// <summary>
/// Thin P/Invoke layer over RocksDB's C API (<c>rocksdb/c.h</c>, Debian <c>librocksdb7.8</c>). Declarations only:
/// every function maps one to one onto its C counterpart. Errors come back through <c>errptr</c> as malloc'ed
/// C strings, which <see cref="RocksDbError"/> turns into exceptions.
/// </summary>
internal static unsafe partial class RocksDbNative
{
    private const string Lib = "rocksdb";

    // ---- options ----
    [LibraryImport(Lib)]
    public static partial OptionsSafeHandle rocksdb_options_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_destroy(nint options);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_create_if_missing(OptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_create_missing_column_families(OptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_paranoid_checks(OptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_increase_parallelism(OptionsSafeHandle options, int totalThreads);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_max_open_files(OptionsSafeHandle options, int value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_compression(OptionsSafeHandle options, int value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_write_buffer_size(OptionsSafeHandle options, nuint value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_keep_log_file_num(OptionsSafeHandle options, nuint value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_level_compaction_dynamic_level_bytes(OptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_memtable_prefix_bloom_size_ratio(OptionsSafeHandle options, double ratio);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_memtable_whole_key_filtering(OptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_options_set_block_based_table_factory(OptionsSafeHandle options, BlockBasedTableOptionsSafeHandle tableOptions);

    // ---- block-based table options, cache, filter policy ----
    [LibraryImport(Lib)]
    public static partial BlockBasedTableOptionsSafeHandle rocksdb_block_based_options_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_destroy(nint options);

    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_set_block_cache(BlockBasedTableOptionsSafeHandle options, CacheSafeHandle cache);

    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_set_no_block_cache(BlockBasedTableOptionsSafeHandle options, byte value);

    /// <summary>Takes ownership of <paramref name="filterPolicy"/> (c.cc: <c>filter_policy.reset(filter_policy)</c>).</summary>
    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_set_filter_policy(BlockBasedTableOptionsSafeHandle options, nint filterPolicy);

    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_set_cache_index_and_filter_blocks(BlockBasedTableOptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial void rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(BlockBasedTableOptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial nint rocksdb_filterpolicy_create_bloom_full(double bitsPerKey);

    [LibraryImport(Lib)]
    public static partial CacheSafeHandle rocksdb_cache_create_lru(nuint capacity);

    [LibraryImport(Lib)]
    public static partial void rocksdb_cache_destroy(nint cache);

    // ---- read / write / flush options ----
    [LibraryImport(Lib)]
    public static partial ReadOptionsSafeHandle rocksdb_readoptions_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_readoptions_destroy(nint options);

    [LibraryImport(Lib)]
    public static partial void rocksdb_readoptions_set_snapshot(ReadOptionsSafeHandle options, SnapshotSafeHandle snapshot);

    /// <summary>RocksDB keeps a pointer to <paramref name="key"/>: it must outlive every iterator made with these options.</summary>
    [LibraryImport(Lib)]
    public static partial void rocksdb_readoptions_set_iterate_upper_bound(ReadOptionsSafeHandle options, byte* key, nuint keyLength);

    /// <summary>RocksDB keeps a pointer to <paramref name="key"/>: it must outlive every iterator made with these options.</summary>
    [LibraryImport(Lib)]
    public static partial void rocksdb_readoptions_set_iterate_lower_bound(ReadOptionsSafeHandle options, byte* key, nuint keyLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_readoptions_set_fill_cache(ReadOptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial WriteOptionsSafeHandle rocksdb_writeoptions_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_writeoptions_destroy(nint options);

    [LibraryImport(Lib)]
    public static partial void rocksdb_writeoptions_set_sync(WriteOptionsSafeHandle options, byte value);

    [LibraryImport(Lib)]
    public static partial FlushOptionsSafeHandle rocksdb_flushoptions_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_flushoptions_destroy(nint options);

    [LibraryImport(Lib)]
    public static partial void rocksdb_flushoptions_set_wait(FlushOptionsSafeHandle options, byte value);

    // ---- database ----
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint rocksdb_open_column_families(
        OptionsSafeHandle options, string name, int count, nint* names, nint* cfOptions, nint* cfHandles, out nint errptr);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint rocksdb_open_for_read_only_column_families(
        OptionsSafeHandle options, string name, int count, nint* names, nint* cfOptions, nint* cfHandles,
        byte errorIfWalFileExists, out nint errptr);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint* rocksdb_list_column_families(OptionsSafeHandle options, string name, out nuint count, out nint errptr);

    [LibraryImport(Lib)]
    public static partial void rocksdb_list_column_families_destroy(nint* list, nuint count);

    [LibraryImport(Lib)]
    public static partial void rocksdb_close(nint db);

    [LibraryImport(Lib)]
    public static partial void rocksdb_column_family_handle_destroy(nint handle);

    [LibraryImport(Lib)]
    public static partial void rocksdb_put_cf(
        RocksDbSafeHandle db, WriteOptionsSafeHandle options, ColumnFamilySafeHandle cf,
        byte* key, nuint keyLength, byte* value, nuint valueLength, out nint errptr);

    [LibraryImport(Lib)]
    public static partial void rocksdb_delete_cf(
        RocksDbSafeHandle db, WriteOptionsSafeHandle options, ColumnFamilySafeHandle cf, byte* key, nuint keyLength, out nint errptr);

    [LibraryImport(Lib)]
    public static partial nint rocksdb_get_pinned_cf(
        RocksDbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle cf, byte* key, nuint keyLength, out nint errptr);

    [LibraryImport(Lib)]
    public static partial byte* rocksdb_pinnableslice_value(nint slice, out nuint valueLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_pinnableslice_destroy(nint slice);

    /// <summary>Batched lookups in one column family; each found value comes back as a pinnable slice to destroy.</summary>
    [LibraryImport(Lib)]
    public static partial void rocksdb_batched_multi_get_cf(
        RocksDbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle cf, nuint count,
        nint* keys, nuint* keySizes, nint* values, nint* errs, [MarshalAs(UnmanagedType.U1)] bool sortedInput);

    [LibraryImport(Lib)]
    public static partial void rocksdb_write(RocksDbSafeHandle db, WriteOptionsSafeHandle options, WriteBatchSafeHandle batch, out nint errptr);

    [LibraryImport(Lib)]
    public static partial void rocksdb_flush_cf(RocksDbSafeHandle db, FlushOptionsSafeHandle options, ColumnFamilySafeHandle cf, out nint errptr);

    [LibraryImport(Lib)]
    public static partial void rocksdb_flush_wal(RocksDbSafeHandle db, byte sync, out nint errptr);

    [LibraryImport(Lib)]
    public static partial void rocksdb_compact_range_cf(
        RocksDbSafeHandle db, ColumnFamilySafeHandle cf, byte* startKey, nuint startKeyLength, byte* limitKey, nuint limitKeyLength);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint rocksdb_property_value_cf(RocksDbSafeHandle db, ColumnFamilySafeHandle cf, string propertyName);

    [LibraryImport(Lib)]
    public static partial void rocksdb_free(nint pointer);

    // ---- snapshots ----
    [LibraryImport(Lib)]
    public static partial nint rocksdb_create_snapshot(RocksDbSafeHandle db);

    [LibraryImport(Lib)]
    public static partial void rocksdb_release_snapshot(nint db, nint snapshot);

    // ---- write batches ----
    [LibraryImport(Lib)]
    public static partial WriteBatchSafeHandle rocksdb_writebatch_create();

    [LibraryImport(Lib)]
    public static partial void rocksdb_writebatch_destroy(nint batch);

    [LibraryImport(Lib)]
    public static partial void rocksdb_writebatch_clear(WriteBatchSafeHandle batch);

    [LibraryImport(Lib)]
    public static partial int rocksdb_writebatch_count(WriteBatchSafeHandle batch);

    [LibraryImport(Lib)]
    public static partial void rocksdb_writebatch_put_cf(
        WriteBatchSafeHandle batch, ColumnFamilySafeHandle cf, byte* key, nuint keyLength, byte* value, nuint valueLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_writebatch_delete_cf(WriteBatchSafeHandle batch, ColumnFamilySafeHandle cf, byte* key, nuint keyLength);

    // ---- iterators ----
    [LibraryImport(Lib)]
    public static partial nint rocksdb_create_iterator_cf(RocksDbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle cf);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_destroy(nint iterator);

    [LibraryImport(Lib)]
    public static partial byte rocksdb_iter_valid(IteratorSafeHandle iterator);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_seek_to_first(IteratorSafeHandle iterator);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_seek_to_last(IteratorSafeHandle iterator);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_seek(IteratorSafeHandle iterator, byte* key, nuint keyLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_seek_for_prev(IteratorSafeHandle iterator, byte* key, nuint keyLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_next(IteratorSafeHandle iterator);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_prev(IteratorSafeHandle iterator);

    [LibraryImport(Lib)]
    public static partial byte* rocksdb_iter_key(IteratorSafeHandle iterator, out nuint keyLength);

    [LibraryImport(Lib)]
    public static partial byte* rocksdb_iter_value(IteratorSafeHandle iterator, out nuint valueLength);

    [LibraryImport(Lib)]
    public static partial void rocksdb_iter_get_error(IteratorSafeHandle iterator, out nint errptr);
}
