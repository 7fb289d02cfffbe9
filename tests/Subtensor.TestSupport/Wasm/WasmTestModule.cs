using System.Text;

namespace Subtensor.TestSupport.Wasm;

/// <summary>
/// A WebAssembly 1.0 binary module parsed strictly enough for tests of hand-assembled runtime code (sections in order,
/// each consumed exactly, function and code counts agreeing). It does not type-check instructions: conformance tests
/// hand modules to smoldot and V8 for that. Run functions with <see cref="WasmTestInstance"/>.
/// </summary>
public sealed class WasmTestModule
{
    private WasmTestModule()
    {
    }

    /// <summary>Function types as text, e.g. <c>(i32,i32)-&gt;i64</c>.</summary>
    public List<string> Types { get; } = [];

    /// <summary>Imported functions (module, name, type index), in function-index order.</summary>
    public List<(string Module, string Name, uint Type)> FunctionImports { get; } = [];

    /// <summary>The imported memory (module, name, min pages, max pages or null), if any.</summary>
    public (string Module, string Name, uint MinPages, uint? MaxPages)? MemoryImport { get; private set; }

    /// <summary>Type index of each defined function.</summary>
    public List<uint> FunctionTypes { get; } = [];

    /// <summary>Globals as (type, mutable, i32/i64 constant value).</summary>
    public List<(byte Type, bool Mutable, long Value)> Globals { get; } = [];

    /// <summary>Exports by name: kind (0 function, 1 table, 2 memory, 3 global) and index.</summary>
    public Dictionary<string, (byte Kind, uint Index)> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary>Defined function bodies (locals and expression), in function-section order.</summary>
    public List<byte[]> Bodies { get; } = [];

    /// <summary>Active data segments for memory 0: constant offset and bytes.</summary>
    public List<(int Offset, byte[] Bytes)> Data { get; } = [];

    /// <summary>Custom section names, in order.</summary>
    public List<string> CustomSections { get; } = [];

    /// <summary>The section ids, in order (custom sections as 0).</summary>
    public List<byte> SectionIds { get; } = [];

    /// <summary>Type text of function <paramref name="index"/> (imports first).</summary>
    public string TypeOfFunction(uint index) =>
        Types[(int)(index < FunctionImports.Count ? FunctionImports[(int)index].Type : FunctionTypes[(int)(index - FunctionImports.Count)])];

    /// <summary>Parses a module; throws <see cref="FormatException"/> on anything malformed or outside the subset.</summary>
    public static WasmTestModule Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var r = new Reader(bytes, 0, bytes.Length);
        if (!r.Take(8).SequenceEqual(new byte[] { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 }))
        {
            throw new FormatException("bad WASM magic or version");
        }

        var m = new WasmTestModule();
        var last = 0;
        while (!r.AtEnd)
        {
            var id = r.Byte();
            var size = (int)r.U32();
            var s = new Reader(bytes, r.Position, r.Position + size);
            r.Skip(size);
            m.SectionIds.Add(id);
            if (id != 0)
            {
                if (id <= last)
                {
                    throw new FormatException($"section {id} after section {last}");
                }

                last = id;
            }

            switch (id)
            {
                case 0:
                    m.CustomSections.Add(s.Name());
                    s.Skip(s.Remaining);
                    break;
                case 1:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        if (s.Byte() != 0x60)
                        {
                            throw new FormatException("function type expected");
                        }

                        var ps = string.Join(",", Enumerable.Range(0, (int)s.U32()).Select(_ => ValType(s.Byte())));
                        var rs = string.Join(",", Enumerable.Range(0, (int)s.U32()).Select(_ => ValType(s.Byte())));
                        m.Types.Add($"({ps})->{rs}");
                    }

                    break;
                case 2:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        var module = s.Name();
                        var name = s.Name();
                        switch (s.Byte())
                        {
                            case 0x00:
                                var type = s.U32();
                                if (type >= m.Types.Count)
                                {
                                    throw new FormatException($"import {name} has unknown type {type}");
                                }

                                m.FunctionImports.Add((module, name, type));
                                break;
                            case 0x02:
                                var flags = s.Byte();
                                var min = s.U32();
                                m.MemoryImport = (module, name, min, flags == 1 ? s.U32() : flags == 0 ? null : throw new FormatException("bad limits"));
                                break;
                            default:
                                throw new FormatException($"import {name} of an unsupported kind");
                        }
                    }

                    break;
                case 3:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        var type = s.U32();
                        if (type >= m.Types.Count)
                        {
                            throw new FormatException($"function of unknown type {type}");
                        }

                        m.FunctionTypes.Add(type);
                    }

                    break;
                case 6:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        var type = s.Byte();
                        var mutable = s.Byte() switch { 0 => false, 1 => true, _ => throw new FormatException("bad global mutability") };
                        m.Globals.Add((type, mutable, ConstExpr(ref s, type)));
                    }

                    break;
                case 7:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        var name = s.Name();
                        var kind = s.Byte();
                        var index = s.U32();
                        var count = kind switch { 0 => m.FunctionImports.Count + m.FunctionTypes.Count, 3 => m.Globals.Count, _ => 0 };
                        if (index >= count)
                        {
                            throw new FormatException($"export {name} refers to a missing item");
                        }

                        if (!m.Exports.TryAdd(name, (kind, index)))
                        {
                            throw new FormatException($"export {name} appears twice");
                        }
                    }

                    break;
                case 10:
                    var bodies = s.U32();
                    if (bodies != m.FunctionTypes.Count)
                    {
                        throw new FormatException($"{bodies} bodies for {m.FunctionTypes.Count} functions");
                    }

                    for (; bodies > 0; bodies--)
                    {
                        var length = (int)s.U32();
                        m.Bodies.Add(s.Take(length));
                        if (m.Bodies[^1].Length == 0 || m.Bodies[^1][^1] != 0x0b)
                        {
                            throw new FormatException("function body does not end with end");
                        }
                    }

                    break;
                case 11:
                    for (var n = s.U32(); n > 0; n--)
                    {
                        if (s.Byte() != 0)
                        {
                            throw new FormatException("only active segments of memory 0 are supported");
                        }

                        var offset = (int)ConstExpr(ref s, 0x7f);
                        m.Data.Add((offset, s.Take((int)s.U32())));
                    }

                    break;
                default:
                    throw new FormatException($"unsupported section {id}");
            }

            if (!s.AtEnd)
            {
                throw new FormatException($"section {id} has {s.Remaining} trailing bytes");
            }
        }

        if (m.FunctionTypes.Count != m.Bodies.Count)
        {
            throw new FormatException("function and code sections disagree");
        }

        return m;
    }

    private static string ValType(byte b) => b switch
    {
        0x7f => "i32",
        0x7e => "i64",
        _ => throw new FormatException($"unsupported value type 0x{b:x2}"),
    };

    private static long ConstExpr(ref Reader r, byte type)
    {
        var op = r.Byte();
        long value = (op, type) switch
        {
            (0x41, 0x7f) => (int)r.S64(),
            (0x42, 0x7e) => r.S64(),
            _ => throw new FormatException("unsupported constant expression"),
        };
        if (r.Byte() != 0x0b)
        {
            throw new FormatException("constant expression does not end");
        }

        return value;
    }

    /// <summary>Reads LEB128 numbers, names and bytes within [position, end).</summary>
    internal struct Reader(byte[] bytes, int position, int end)
    {
        private readonly byte[] _bytes = end <= bytes.Length ? bytes : throw new FormatException("section overruns the module");

        public int Position { get; private set; } = position;

        public readonly bool AtEnd => Position == end;

        public readonly int Remaining => end - Position;

        public byte Byte() => Position < end ? _bytes[Position++] : throw new FormatException("unexpected end");

        public byte[] Take(int n)
        {
            if (n < 0 || n > Remaining)
            {
                throw new FormatException("length overruns");
            }

            var result = _bytes.AsSpan(Position, n).ToArray();
            Position += n;
            return result;
        }

        public void Skip(int n) => Take(n);

        public string Name() => new UTF8Encoding(false, true).GetString(Take((int)U32()));

        public uint U32()
        {
            ulong result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                result |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return result <= uint.MaxValue ? (uint)result : throw new FormatException("u32 overflows");
                }
            }

            throw new FormatException("u32 too long");
        }

        public long S64()
        {
            long result = 0;
            var shift = 0;
            byte b;
            do
            {
                if (shift >= 70)
                {
                    throw new FormatException("s64 too long");
                }

                b = Byte();
                result |= (long)(b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return shift < 64 && (b & 0x40) != 0 ? result | (-1L << shift) : result;
        }
    }
}
