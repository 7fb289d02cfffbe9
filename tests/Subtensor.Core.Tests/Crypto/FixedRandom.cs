using Subtensor.Core.Crypto;

namespace Subtensor.Core.Tests.Crypto;

/// <summary>A deterministic "random" source for reproducible randomized signatures.</summary>
internal sealed class FixedRandom(byte fill) : IRandomSource
{
    public void Fill(Span<byte> destination) => destination.Fill(fill);
}
