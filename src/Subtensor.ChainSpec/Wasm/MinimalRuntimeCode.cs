using System.Text;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Wasm;

/// <summary>
/// Builds the smallest <c>:code</c> that Substrate tooling and smoldot accept as a runtime: a WASM module importing
/// <c>env.memory</c>, exporting an immutable i32 global <c>__heap_base</c>, and carrying the <c>runtime_version</c>
/// (SCALE RuntimeVersion with an empty apis list, as sp-version's macro emits it) and <c>runtime_apis</c> (12 bytes
/// per API: id ‖ u32 LE) custom sections. It has no functions: it only announces a version.
/// </summary>
public static class MinimalRuntimeCode
{
    /// <summary>
    /// The module bytes. For the version to be read with its state version, list the Core API with version 4 or
    /// more in <see cref="RuntimeVersion.Apis"/>.
    /// </summary>
    public static byte[] Build(RuntimeVersion version, uint memoryMinPages = 1, int heapBase = 65536)
    {
        ArgumentNullException.ThrowIfNull(version);
        var module = new ScaleWriter(256);
        module.WriteBytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

        // import section: env.memory, memory type with min pages and no max
        var imports = new ScaleWriter();
        WriteLeb128(imports, 1);
        WriteName(imports, "env");
        WriteName(imports, "memory");
        imports.WriteU8(0x02);
        imports.WriteU8(0x00);
        WriteLeb128(imports, memoryMinPages);
        WriteSection(module, 2, imports.WrittenSpan);

        // global section: immutable i32 = i32.const heapBase; end
        var globals = new ScaleWriter();
        WriteLeb128(globals, 1);
        globals.WriteU8(0x7f);
        globals.WriteU8(0x00);
        globals.WriteU8(0x41);
        WriteSignedLeb128(globals, heapBase);
        globals.WriteU8(0x0b);
        WriteSection(module, 6, globals.WrittenSpan);

        // export section: "__heap_base" -> global 0
        var exports = new ScaleWriter();
        WriteLeb128(exports, 1);
        WriteName(exports, "__heap_base");
        exports.WriteU8(0x03);
        WriteLeb128(exports, 0);
        WriteSection(module, 7, exports.WrittenSpan);

        WriteCustomSection(module, "runtime_version", Scale.Encode(version with { Apis = [] }));
        var apis = new ScaleWriter();
        foreach (var api in version.Apis)
        {
            RuntimeVersion.WriteApi(apis, api);
        }

        WriteCustomSection(module, "runtime_apis", apis.WrittenSpan);
        return module.ToArray();
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

    private static void WriteSignedLeb128(ScaleWriter writer, int value)
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
}
