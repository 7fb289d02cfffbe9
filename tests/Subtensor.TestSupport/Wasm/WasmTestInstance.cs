namespace Subtensor.TestSupport.Wasm;

/// <summary>
/// Runs functions of a <see cref="WasmTestModule"/> with a small interpreter that knows only the MVP instructions our
/// generated runtime code uses (anything else throws <see cref="NotSupportedException"/>), over a linear memory
/// initialised from the data segments. A trap throws <see cref="InvalidOperationException"/>.
/// <see cref="WithStorage"/> gives it the Substrate host functions those modules import.
/// </summary>
public sealed class WasmTestInstance
{
    private readonly WasmTestModule _module;
    private readonly Func<WasmTestInstance, string, long[], long> _host;

    public WasmTestInstance(WasmTestModule module, int memoryBytes, Func<WasmTestInstance, string, long[], long> host)
    {
        ArgumentNullException.ThrowIfNull(module);
        _module = module;
        _host = host ?? throw new ArgumentNullException(nameof(host));
        Memory = new byte[memoryBytes];
        foreach (var (offset, bytes) in module.Data)
        {
            if (offset < 0 || (long)offset + bytes.Length > memoryBytes)
            {
                throw new InvalidOperationException("data segment does not fit in memory");
            }

            bytes.CopyTo(Memory, offset);
        }
    }

    public byte[] Memory { get; }

    /// <summary>The keys the host was asked for, in order.</summary>
    public List<byte[]> StorageReads { get; } = [];

    /// <summary>
    /// An instance whose <c>ext_storage_get_version_1</c> answers from <paramref name="storage"/> (SCALE
    /// <c>Option&lt;Vec&lt;u8&gt;&gt;</c> written above <c>__heap_base</c> by a bump allocator), as a Substrate host
    /// does; other host functions trap. Memory: the imported minimum, at least <c>__heap_base</c> + 1 MiB.
    /// </summary>
    public static WasmTestInstance WithStorage(WasmTestModule module, Func<byte[], byte[]?> storage)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(storage);
        var heapBase = (int)module.Globals[(int)module.Exports["__heap_base"].Index].Value;
        var next = heapBase;
        var size = Math.Max((int)(module.MemoryImport?.MinPages ?? 0) * 65536, heapBase + (1 << 20));
        return new WasmTestInstance(module, size, (instance, name, args) =>
        {
            if (name != "ext_storage_get_version_1")
            {
                throw new InvalidOperationException($"trap: host function {name} is not provided");
            }

            var key = instance.Read(args[0]);
            instance.StorageReads.Add(key);
            var value = storage(key);
            var answer = new List<byte>();
            if (value is null)
            {
                answer.Add(0);
            }
            else
            {
                answer.Add(1);
                answer.AddRange(CompactLength(value.Length));
                answer.AddRange(value);
            }

            var ptr = next;
            next += answer.Count;
            answer.ToArray().CopyTo(instance.Memory, ptr);
            return PointerSize(ptr, answer.Count);
        });
    }

    /// <summary>Calls export <paramref name="name"/> the way a host calls a runtime entry point: arguments written to memory, (ptr, len) in, the i64 pointer-size's bytes out.</summary>
    public byte[] CallRuntime(string name, byte[] args, int argsAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.CopyTo(Memory, argsAt);
        return Read(Invoke(name, argsAt, args.Length));
    }

    /// <summary>Calls the exported function <paramref name="name"/> and returns its single result.</summary>
    public long Invoke(string name, params long[] args)
    {
        if (!_module.Exports.TryGetValue(name, out var export) || export.Kind != 0)
        {
            throw new InvalidOperationException($"no exported function {name}");
        }

        return Call(export.Index, args);
    }

    /// <summary>The memory a pointer-size (len &lt;&lt; 32 | ptr) refers to.</summary>
    public byte[] Read(long pointerSize)
    {
        var ptr = (uint)pointerSize;
        var len = (uint)((ulong)pointerSize >> 32);
        if ((ulong)ptr + len > (ulong)Memory.Length)
        {
            throw new InvalidOperationException("trap: pointer-size out of bounds");
        }

        return Memory.AsSpan((int)ptr, (int)len).ToArray();
    }

    public static long PointerSize(int ptr, int len) => ((long)len << 32) | (uint)ptr;

    private static byte[] CompactLength(int n) => n switch
    {
        < 1 << 6 => [(byte)(n << 2)],
        < 1 << 14 => BitConverter.GetBytes((ushort)((n << 2) | 1)),
        < 1 << 30 => BitConverter.GetBytes((uint)((n << 2) | 2)),
        _ => [3, .. BitConverter.GetBytes((uint)n)],
    };

    private long Call(uint function, long[] args)
    {
        var type = _module.TypeOfFunction(function);
        var arity = type[1..type.IndexOf(')', StringComparison.Ordinal)].Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
        if (args.Length != arity || !type.EndsWith("->i64", StringComparison.Ordinal) && !type.EndsWith("->i32", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"function {function} of type {type} called with {args.Length} arguments");
        }

        if (function < _module.FunctionImports.Count)
        {
            return _host(this, _module.FunctionImports[(int)function].Name, args);
        }

        var body = _module.Bodies[(int)(function - _module.FunctionImports.Count)];
        var r = new WasmTestModule.Reader(body, 0, body.Length);
        var locals = new List<long>(args);
        for (var groups = r.U32(); groups > 0; groups--)
        {
            var count = r.U32();
            r.Byte();
            locals.AddRange(Enumerable.Repeat(0L, (int)count));
        }

        var stack = new Stack<long>();
        var blocks = 0;
        while (true)
        {
            var op = r.Byte();
            switch (op)
            {
                case 0x00:
                    throw new InvalidOperationException("trap: unreachable");
                case 0x04: // if blocktype
                    r.Byte();
                    if ((uint)stack.Pop() != 0)
                    {
                        blocks++;
                    }
                    else if (SkipToElseOrEnd(ref r) == 0x05)
                    {
                        blocks++;
                    }

                    break;
                case 0x05: // else reached from the then-branch: leave the block
                    SkipToElseOrEnd(ref r);
                    blocks--;
                    break;
                case 0x0b:
                    if (blocks-- == 0)
                    {
                        return Result(stack, r);
                    }

                    break;
                case 0x0f:
                    return stack.Pop();
                case 0x10:
                    var callee = r.U32();
                    var calleeType = _module.TypeOfFunction(callee);
                    var n = calleeType[1..calleeType.IndexOf(')', StringComparison.Ordinal)].Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
                    var callArgs = new long[n];
                    for (var i = n - 1; i >= 0; i--)
                    {
                        callArgs[i] = stack.Pop();
                    }

                    stack.Push(Call(callee, callArgs));
                    break;
                case 0x20:
                    stack.Push(locals[(int)r.U32()]);
                    break;
                case 0x21:
                    locals[(int)r.U32()] = stack.Pop();
                    break;
                case 0x22:
                    locals[(int)r.U32()] = stack.Peek();
                    break;
                case 0x2d: // i32.load8_u align offset
                    r.U32();
                    var address = (ulong)(uint)stack.Pop() + r.U32();
                    stack.Push(address < (ulong)Memory.Length ? Memory[address] : throw new InvalidOperationException("trap: out-of-bounds load"));
                    break;
                case 0x41:
                    stack.Push((uint)(int)r.S64());
                    break;
                case 0x42:
                    stack.Push(r.S64());
                    break;
                case 0x45:
                    stack.Push((uint)stack.Pop() == 0 ? 1 : 0);
                    break;
                case 0x46:
                    stack.Push((uint)stack.Pop() == (uint)stack.Pop() ? 1 : 0);
                    break;
                case 0x49: // i32.lt_u
                    var b = (uint)stack.Pop();
                    stack.Push((uint)stack.Pop() < b ? 1 : 0);
                    break;
                case 0x6a:
                    stack.Push(I32(x => x.A + x.B));
                    break;
                case 0x6b:
                    stack.Push(I32(x => x.A - x.B));
                    break;
                case 0x71:
                    stack.Push(I32(x => x.A & x.B));
                    break;
                case 0x74:
                    stack.Push(I32(x => x.A << (int)(x.B & 31)));
                    break;
                case 0x76:
                    stack.Push(I32(x => x.A >> (int)(x.B & 31)));
                    break;
                case 0x84:
                    stack.Push(stack.Pop() | stack.Pop());
                    break;
                case 0x86:
                    var shl = (int)(stack.Pop() & 63);
                    stack.Push(stack.Pop() << shl);
                    break;
                case 0x88:
                    var shr = (int)(stack.Pop() & 63);
                    stack.Push((long)((ulong)stack.Pop() >> shr));
                    break;
                case 0xa7:
                    stack.Push((uint)stack.Pop());
                    break;
                case 0xad:
                    stack.Push((uint)stack.Pop());
                    break;
                default:
                    throw new NotSupportedException($"opcode 0x{op:x2} is not handled by the test interpreter");
            }
        }

        uint I32(Func<(uint A, uint B), uint> f)
        {
            var b = (uint)stack.Pop();
            var a = (uint)stack.Pop();
            return f((a, b));
        }
    }

    private static long Result(Stack<long> stack, WasmTestModule.Reader r)
    {
        if (!r.AtEnd || stack.Count != 1)
        {
            throw new InvalidOperationException($"function ended with {stack.Count} values and {r.Remaining} bytes left");
        }

        return stack.Pop();
    }

    // Skips instructions up to the else (0x05) or end (0x0b) matching the current block; returns which one.
    private static byte SkipToElseOrEnd(ref WasmTestModule.Reader r)
    {
        var depth = 0;
        while (true)
        {
            var op = r.Byte();
            switch (op)
            {
                case 0x02 or 0x03 or 0x04:
                    r.Byte();
                    depth++;
                    break;
                case 0x05 when depth == 0:
                    return op;
                case 0x0b when depth == 0:
                    return op;
                case 0x0b:
                    depth--;
                    break;
                case 0x10 or 0x20 or 0x21 or 0x22:
                    r.U32();
                    break;
                case 0x2d:
                    r.U32();
                    r.U32();
                    break;
                case 0x41 or 0x42:
                    r.S64();
                    break;
                case 0x00 or 0x05 or 0x0f or 0x45 or 0x46 or 0x49 or 0x6a or 0x6b or 0x71 or 0x74 or 0x76 or 0x84 or 0x86 or 0x88 or 0xa7 or 0xad:
                    break;
                default:
                    throw new NotSupportedException($"opcode 0x{op:x2} is not handled by the test interpreter");
            }
        }
    }
}
