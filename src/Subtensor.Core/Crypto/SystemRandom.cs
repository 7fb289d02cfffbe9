using Subtensor.Core.Native;

namespace Subtensor.Core.Crypto;

/// <summary>The operating system's CSPRNG through libsodium <c>randombytes_buf</c>.</summary>
public sealed unsafe class SystemRandom : IRandomSource
{
    public static SystemRandom Instance { get; } = new();

    private SystemRandom()
    {
    }

    public void Fill(Span<byte> destination)
    {
        Sodium.EnsureInitialized();
        fixed (byte* d = destination)
        {
            Sodium.randombytes_buf(d, (nuint)destination.Length);
        }
    }
}
