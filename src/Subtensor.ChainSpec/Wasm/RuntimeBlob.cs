using System.Text;
using Subtensor.Core.Compression;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Wasm;

/// <summary>
/// A runtime WASM module as Substrate's executor sees it before running it (<c>sc_executor_common::RuntimeBlob</c>):
/// decompressed if it carries the zstd magic, with its custom sections indexed. Only section framing is parsed.
/// </summary>
public sealed class RuntimeBlob
{
    private static ReadOnlySpan<byte> WasmHeader => [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    private readonly List<(string Name, int Offset, int Length)> _customSections;

    private RuntimeBlob(byte[] code, List<(string, int, int)> customSections)
    {
        Code = code;
        _customSections = customSections;
    }

    /// <summary>The uncompressed module bytes.</summary>
    public byte[] Code { get; }

    /// <summary>Decompresses (50 MiB bomb cap) if needed and indexes the sections; throws <see cref="InvalidRuntimeCodeException"/>.</summary>
    public static RuntimeBlob UncompressIfNeeded(ReadOnlySpan<byte> code)
    {
        byte[] module;
        try
        {
            module = MaybeCompressedBlob.Decompress(code);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidRuntimeCodeException("runtime code does not decompress: " + e.Message, e);
        }

        return new RuntimeBlob(module, IndexSections(module));
    }

    /// <summary>The payload of the first custom section named <paramref name="name"/>, or null.</summary>
    public byte[]? CustomSection(string name)
    {
        foreach (var (n, offset, length) in _customSections)
        {
            if (n == name)
            {
                return Code.AsSpan(offset, length).ToArray();
            }
        }

        return null;
    }

    /// <summary>
    /// The runtime version from the <c>runtime_version</c> and <c>runtime_apis</c> custom sections, read the way
    /// <c>sc_executor::read_embedded_version</c> does (the Core version in <c>runtime_apis</c> selects the layout);
    /// null when there is no <c>runtime_version</c> section.
    /// </summary>
    public RuntimeVersion? ReadEmbeddedVersion()
    {
        var versionSection = CustomSection("runtime_version");
        if (versionSection is null)
        {
            return null;
        }

        var apisSection = CustomSection("runtime_apis");
        RuntimeApi[]? apis = null;
        if (apisSection is not null)
        {
            if (apisSection.Length % 12 != 0)
            {
                throw new InvalidRuntimeCodeException("runtime_apis section holds a clipped API entry");
            }

            apis = new RuntimeApi[apisSection.Length / 12];
            var reader = new ScaleReader(apisSection);
            for (var i = 0; i < apis.Length; i++)
            {
                apis[i] = RuntimeVersion.ReadApi(ref reader);
            }
        }

        try
        {
            var reader = new ScaleReader(versionSection);
            var version = RuntimeVersion.DecodeFrom(ref reader, apis is null ? null : RuntimeVersion.CoreVersionOf(apis));
            return apis is null ? version : version with { Apis = apis };
        }
        catch (ScaleDecodeException e)
        {
            throw new InvalidRuntimeCodeException("failed to decode the runtime_version custom section: " + e.Message, e);
        }
    }

    // WASM binary format: "\0asm", version 1, then sections of (id u8, size LEB128 u32, payload); a custom section
    // (id 0) starts its payload with a LEB128-length-prefixed UTF-8 name.
    private static List<(string, int, int)> IndexSections(byte[] module)
    {
        if (!module.AsSpan().StartsWith(WasmHeader))
        {
            throw new InvalidRuntimeCodeException("runtime code is not a WASM module (bad magic or version)");
        }

        var sections = new List<(string, int, int)>();
        var offset = WasmHeader.Length;
        while (offset < module.Length)
        {
            var id = module[offset++];
            var size = (int)ReadLeb128(module, ref offset);
            if (size > module.Length - offset)
            {
                throw new InvalidRuntimeCodeException($"WASM section {id} at byte {offset} overruns the module");
            }

            var end = offset + size;
            if (id == 0)
            {
                var nameLength = (int)ReadLeb128(module, ref offset);
                if (nameLength > end - offset)
                {
                    throw new InvalidRuntimeCodeException($"WASM custom section name at byte {offset} overruns its section");
                }

                string name;
                try
                {
                    name = new UTF8Encoding(false, true).GetString(module, offset, nameLength);
                }
                catch (DecoderFallbackException e)
                {
                    throw new InvalidRuntimeCodeException($"WASM custom section name at byte {offset} is not UTF-8", e);
                }

                offset += nameLength;
                sections.Add((name, offset, end - offset));
            }

            offset = end;
        }

        return sections;
    }

    private static uint ReadLeb128(byte[] data, ref int offset)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (offset >= data.Length)
            {
                throw new InvalidRuntimeCodeException("truncated LEB128 in the WASM module");
            }

            var b = data[offset++];
            result |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift == 28 && b > 0x0f)
                {
                    throw new InvalidRuntimeCodeException("LEB128 value exceeds 32 bits in the WASM module");
                }

                return result;
            }
        }

        throw new InvalidRuntimeCodeException("LEB128 value exceeds 32 bits in the WASM module");
    }
}
