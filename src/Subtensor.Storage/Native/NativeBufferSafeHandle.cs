using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>A copy of some bytes in unmanaged memory, for pointers RocksDB keeps (iterator bounds).</summary>
internal sealed unsafe class NativeBufferSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public NativeBufferSafeHandle(ReadOnlySpan<byte> bytes)
        : base(ownsHandle: true)
    {
        Length = bytes.Length;
        var memory = NativeMemory.Alloc((nuint)Math.Max(1, bytes.Length));
        bytes.CopyTo(new Span<byte>(memory, bytes.Length));
        SetHandle((nint)memory);
    }

    public int Length { get; }

    public byte* Pointer => (byte*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
