using System.Text;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Wasm;

/// <summary>
/// Builds the smallest <c>:code</c> that Substrate tooling and smoldot accept as a runtime: a WASM module importing
/// <c>env.memory</c>, exporting an immutable i32 global <c>__heap_base</c>, and carrying the <c>runtime_version</c>
/// (SCALE RuntimeVersion with an empty apis list, as sp-version's macro emits it) and <c>runtime_apis</c> (12 bytes
/// per API: id ‖ u32 LE) custom sections. All chain logic is native; the module only announces a version, plus the
/// few <see cref="RuntimeEntryPoint"/>s that hosts execute to learn the consensus configuration (smoldot calls
/// <c>AuraApi_authorities</c>, <c>AuraApi_slot_duration</c> and <c>GrandpaApi_grandpa_authorities</c> at genesis,
/// <c>lib/src/chain/chain_information/build.rs</c>).
/// </summary>
/// <remarks>
/// With entry points, the module holds (WebAssembly 1.0 binary format, MVP instructions only):
/// <list type="bullet">
/// <item>types: 0 = (i32, i32) → i64, the runtime calling convention (arguments ptr, len; result len &lt;&lt; 32 | ptr);
/// with storage-backed entry points also 1 = (i64) → i64 and 2 = (i64, i64) → i64;</item>
/// <item>imports: <c>env.memory</c>, and <c>env.ext_storage_get_version_1</c> (function 0) only if an entry point reads storage;</item>
/// <item>function 1, <c>read_value(key, absent)</c> (not exported), when storage is read: calls the host with the key's
/// pointer-size, which answers with the pointer-size of a SCALE <c>Option&lt;Vec&lt;u8&gt;&gt;</c>; returns
/// <c>absent</c> for None (1 byte), otherwise the stored bytes past the Some tag and the compact length prefix (whose
/// width is 1, 2 or 4 bytes, or 5 + (first byte &gt;&gt; 2) in big-integer mode); traps if that prefix overruns;</item>
/// <item>one exported function per entry point, ignoring its arguments: <c>i64.const value</c>, or
/// <c>read_value(i64.const key, i64.const absent)</c>;</item>
/// <item>one active data segment at <see cref="DataOffset"/> holding every key and value once, below <c>__heap_base</c>.</item>
/// </list>
/// </remarks>
public static class MinimalRuntimeCode
{
    /// <summary>Where the data segment starts in linear memory (not 0, so no returned pointer is null).</summary>
    public const int DataOffset = 16;

    /// <summary>The host function storage-backed entry points import.</summary>
    public const string StorageGet = "ext_storage_get_version_1";

    private const byte I32 = 0x7f;
    private const byte I64 = 0x7e;

    /// <summary>
    /// The module bytes, without functions. For the version to be read with its state version, list the Core API with
    /// version 4 or more in <see cref="RuntimeVersion.Apis"/>.
    /// </summary>
    public static byte[] Build(RuntimeVersion version, uint memoryMinPages = 1, int heapBase = 65536) => Build(version, [], memoryMinPages, heapBase);

    /// <summary>The module bytes with <paramref name="entryPoints"/> exported in this order (names must be unique).</summary>
    public static byte[] Build(RuntimeVersion version, IReadOnlyList<RuntimeEntryPoint> entryPoints, uint memoryMinPages = 1, int heapBase = 65536)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(entryPoints);
        ArgumentOutOfRangeException.ThrowIfNegative(heapBase);
        var names = new HashSet<string>(StringComparer.Ordinal) { "__heap_base" };
        foreach (var entry in entryPoints)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entryPoints));
            if (!names.Add(entry.Name))
            {
                throw new ArgumentException($"export name \"{entry.Name}\" is taken (by __heap_base or an earlier entry point)", nameof(entryPoints));
            }
        }

        var data = new DataLayout();
        var reads = entryPoints.Any(e => e.ReadsStorage);
        const uint storageGetFunction = 0;
        const uint readValueFunction = 1;
        var firstEntryFunction = reads ? 2u : 0u;

        var module = new ScaleWriter(512);
        module.WriteBytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

        // type section: 0 = (i32, i32) -> i64; 1 = (i64) -> i64; 2 = (i64, i64) -> i64
        if (entryPoints.Count > 0)
        {
            var types = new ScaleWriter();
            WriteLeb128(types, reads ? 3u : 1u);
            WriteFunctionType(types, [I32, I32], I64);
            if (reads)
            {
                WriteFunctionType(types, [I64], I64);
                WriteFunctionType(types, [I64, I64], I64);
            }

            WriteSection(module, 1, types.WrittenSpan);
        }

        // import section: env.memory, memory type with min pages and no max; env.ext_storage_get_version_1 of type 1
        var imports = new ScaleWriter();
        WriteLeb128(imports, reads ? 2u : 1u);
        WriteName(imports, "env");
        WriteName(imports, "memory");
        imports.WriteU8(0x02);
        imports.WriteU8(0x00);
        WriteLeb128(imports, memoryMinPages);
        if (reads)
        {
            WriteName(imports, "env");
            WriteName(imports, StorageGet);
            imports.WriteU8(0x00);
            WriteLeb128(imports, 1);
        }

        WriteSection(module, 2, imports.WrittenSpan);

        // function section: the type of each defined function (read_value, then the entry points)
        if (entryPoints.Count > 0)
        {
            var functions = new ScaleWriter();
            WriteLeb128(functions, (uint)entryPoints.Count + (reads ? 1u : 0u));
            if (reads)
            {
                WriteLeb128(functions, 2);
            }

            foreach (var _ in entryPoints)
            {
                WriteLeb128(functions, 0);
            }

            WriteSection(module, 3, functions.WrittenSpan);
        }

        // global section: immutable i32 = i32.const heapBase; end
        var globals = new ScaleWriter();
        WriteLeb128(globals, 1);
        globals.WriteU8(I32);
        globals.WriteU8(0x00);
        globals.WriteU8(0x41);
        WriteSignedLeb128(globals, heapBase);
        globals.WriteU8(0x0b);
        WriteSection(module, 6, globals.WrittenSpan);

        // export section: "__heap_base" -> global 0, then each entry point -> its function
        var exports = new ScaleWriter();
        WriteLeb128(exports, 1 + (uint)entryPoints.Count);
        WriteName(exports, "__heap_base");
        exports.WriteU8(0x03);
        WriteLeb128(exports, 0);
        for (var i = 0; i < entryPoints.Count; i++)
        {
            WriteName(exports, entryPoints[i].Name);
            exports.WriteU8(0x00);
            WriteLeb128(exports, firstEntryFunction + (uint)i);
        }

        WriteSection(module, 7, exports.WrittenSpan);

        if (entryPoints.Count > 0)
        {
            // code section: one body per defined function, in function-section order
            var code = new ScaleWriter();
            WriteLeb128(code, (uint)entryPoints.Count + (reads ? 1u : 0u));
            if (reads)
            {
                WriteBody(code, ReadValueBody(storageGetFunction));
            }

            foreach (var entry in entryPoints)
            {
                var body = new ScaleWriter();
                WriteLeb128(body, 0); // no locals
                if (entry.ReadsStorage)
                {
                    body.WriteU8(0x42); // i64.const key
                    WriteSignedLeb128(body, data.PointerSize(entry.StorageKey.Span));
                }

                body.WriteU8(0x42); // i64.const value (the result when the key is absent)
                WriteSignedLeb128(body, data.PointerSize(entry.Value.Span));
                if (entry.ReadsStorage)
                {
                    body.WriteU8(0x10); // call read_value
                    WriteLeb128(body, readValueFunction);
                }

                body.WriteU8(0x0b); // end
                WriteBody(code, body.WrittenSpan);
            }

            WriteSection(module, 10, code.WrittenSpan);

            // data section: one active segment for memory 0 at i32.const DataOffset
            var bytes = data.Bytes;
            if ((long)DataOffset + bytes.Length > heapBase || (long)DataOffset + bytes.Length > memoryMinPages * 65536L)
            {
                throw new ArgumentException($"the {bytes.Length} data bytes at {DataOffset} do not fit below __heap_base ({heapBase}) in {memoryMinPages} pages");
            }

            var segments = new ScaleWriter();
            WriteLeb128(segments, 1);
            segments.WriteU8(0x00);
            segments.WriteU8(0x41);
            WriteSignedLeb128(segments, DataOffset);
            segments.WriteU8(0x0b);
            WriteLeb128(segments, (uint)bytes.Length);
            segments.WriteBytes(bytes);
            WriteSection(module, 11, segments.WrittenSpan);
        }

        WriteCustomSection(module, "runtime_version", ScaleCodec.Encode(version with { Apis = [] }));
        var apis = new ScaleWriter();
        foreach (var api in version.Apis)
        {
            RuntimeVersion.WriteApi(apis, api);
        }

        WriteCustomSection(module, "runtime_apis", apis.WrittenSpan);
        return module.ToArray();
    }

    // read_value(key: i64, absent: i64) -> i64, locals r: i64, p: i32, len: i32, w: i32. The host's answer is a
    // SCALE Option<Vec<u8>> (Polkadot host API, ext_storage_get_version_1): [0] for None, else [1] ‖ Compact(n) ‖ n bytes.
    private static byte[] ReadValueBody(uint storageGetFunction)
    {
        const byte key = 0, absent = 1, r = 2, p = 3, len = 4, w = 5;
        var b = new ScaleWriter();
        b.WriteBytes([0x02, 0x01, I64, 0x03, I32]); // locals: 1 × i64, 3 × i32
        b.WriteBytes([0x20, key, 0x10]); // r = ext_storage_get_version_1(key)
        WriteLeb128(b, storageGetFunction);
        b.WriteBytes([0x22, r, 0xa7, 0x21, p]); // p = (i32) r
        b.WriteBytes([0x20, r, 0x42, 32, 0x88, 0xa7, 0x21, len]); // len = (i32) (r >> 32)
        b.WriteBytes([0x20, len, 0x41, 2, 0x49, 0x04, 0x40, 0x20, absent, 0x0f, 0x0b]); // if len < 2 (None): return absent
        b.WriteBytes([0x20, p, 0x2d, 0x00, 0x01, 0x21, w]); // w = first byte of the compact length (load8_u offset 1)
        b.WriteBytes([0x20, w, 0x41, 3, 0x71, 0x41, 3, 0x46]); // if (w & 3) == 3
        b.WriteBytes([0x04, I32, 0x20, w, 0x41, 2, 0x76, 0x41, 5, 0x6a]); //   then (w >> 2) + 5 (big-integer mode)
        b.WriteBytes([0x05, 0x41, 1, 0x20, w, 0x41, 3, 0x71, 0x74, 0x0b]); //   else 1 << (w & 3)
        b.WriteBytes([0x41, 1, 0x6a, 0x21, w]); // w = that width + 1 (the Some tag)
        b.WriteBytes([0x20, len, 0x20, w, 0x49, 0x04, 0x40, 0x00, 0x0b]); // if len < w: unreachable
        b.WriteBytes([0x20, len, 0x20, w, 0x6b, 0xad, 0x42, 32, 0x86]); // (i64) (len - w) << 32
        b.WriteBytes([0x20, p, 0x20, w, 0x6a, 0xad, 0x84]); // | (i64) (p + w)
        b.WriteU8(0x0b); // end
        return b.ToArray();
    }

    private static void WriteFunctionType(ScaleWriter writer, byte[] parameters, byte result)
    {
        writer.WriteU8(0x60);
        WriteLeb128(writer, (uint)parameters.Length);
        writer.WriteBytes(parameters);
        writer.WriteU8(1);
        writer.WriteU8(result);
    }

    private static void WriteBody(ScaleWriter code, ReadOnlySpan<byte> body)
    {
        WriteLeb128(code, (uint)body.Length);
        code.WriteBytes(body);
    }

    private static void WriteCustomSection(ScaleWriter module, string name, ReadOnlySpan<byte> payload)
    {
        var section = new ScaleWriter();
        WriteName(section, name);
        section.WriteBytes(payload);
        WriteSection(module, 0, section.WrittenSpan);
    }

    private static void WriteSection(ScaleWriter module, byte id, ReadOnlySpan<byte> payload)
    {
        module.WriteU8(id);
        WriteLeb128(module, (uint)payload.Length);
        module.WriteBytes(payload);
    }

    private static void WriteName(ScaleWriter writer, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        WriteLeb128(writer, (uint)bytes.Length);
        writer.WriteBytes(bytes);
    }

    private static void WriteLeb128(ScaleWriter writer, uint value)
    {
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            writer.WriteU8(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
    }

    private static void WriteSignedLeb128(ScaleWriter writer, long value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            var done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            writer.WriteU8(done ? b : (byte)(b | 0x80));
            if (done)
            {
                return;
            }
        }
    }

    /// <summary>The data segment: each distinct byte string once, in first-use order, starting at <see cref="DataOffset"/>.</summary>
    private sealed class DataLayout
    {
        private readonly ScaleWriter _bytes = new();
        private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);

        public byte[] Bytes => _bytes.ToArray();

        /// <summary>The i64 pointer-size (len &lt;&lt; 32 | ptr) of <paramref name="value"/> in linear memory.</summary>
        public long PointerSize(ReadOnlySpan<byte> value)
        {
            var hex = Convert.ToHexString(value);
            if (!_offsets.TryGetValue(hex, out var offset))
            {
                offset = DataOffset + _bytes.Length;
                _offsets.Add(hex, offset);
                _bytes.WriteBytes(value);
            }

            return ((long)value.Length << 32) | (uint)offset;
        }
    }
}
