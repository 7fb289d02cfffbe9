namespace Subtensor.Core.Crypto;

/// <summary>A source of secret randomness; injectable so randomized signatures can be reproduced in tests.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> destination);
}
