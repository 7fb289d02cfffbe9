using System.Security.Cryptography;
using System.Text;

namespace Subtensor.Network.Noise;

/// <summary>Noise <c>SymmetricState</c> (Noise spec §5.2) with SHA-256 as HASH and HMAC-SHA256 HKDF.</summary>
internal sealed class NoiseSymmetricState
{
    public const int HashLength = 32;

    private readonly byte[] _chainingKey = new byte[HashLength];
    private readonly byte[] _hash = new byte[HashLength];
    private readonly NoiseCipherState _cipher = new();

    public NoiseSymmetricState(string protocolName)
    {
        var name = Encoding.ASCII.GetBytes(protocolName);
        if (name.Length <= HashLength)
        {
            name.CopyTo(_hash, 0);
        }
        else
        {
            SHA256.HashData(name, _hash);
        }

        _hash.CopyTo(_chainingKey, 0);
    }

    public ReadOnlySpan<byte> HandshakeHash => _hash;

    public bool HasKey => _cipher.HasKey;

    public void MixHash(ReadOnlySpan<byte> data)
    {
        var input = new byte[HashLength + data.Length];
        _hash.CopyTo(input, 0);
        data.CopyTo(input.AsSpan(HashLength));
        SHA256.HashData(input, _hash);
    }

    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf(_chainingKey, inputKeyMaterial, output);
        output[..HashLength].CopyTo(_chainingKey);
        _cipher.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
    }

    public byte[] EncryptAndHash(ReadOnlySpan<byte> plaintext)
    {
        var ciphertext = new byte[_cipher.CiphertextLength(plaintext.Length)];
        _cipher.EncryptWithAd(_hash, plaintext, ciphertext);
        MixHash(ciphertext);
        return ciphertext;
    }

    public byte[] DecryptAndHash(ReadOnlySpan<byte> ciphertext)
    {
        var plaintext = new byte[_cipher.HasKey ? Math.Max(0, ciphertext.Length - 16) : ciphertext.Length];
        _cipher.DecryptWithAd(_hash, ciphertext, plaintext);
        MixHash(ciphertext);
        return plaintext;
    }

    /// <summary>Derives the two transport cipher states: the first encrypts initiator→responder, the second the reverse.</summary>
    public (NoiseCipherState InitiatorToResponder, NoiseCipherState ResponderToInitiator) Split()
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf(_chainingKey, ReadOnlySpan<byte>.Empty, output);
        var first = new NoiseCipherState();
        first.InitializeKey(output[..HashLength]);
        var second = new NoiseCipherState();
        second.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
        CryptographicOperations.ZeroMemory(_chainingKey);
        _cipher.Clear();
        return (first, second);
    }

    // Noise spec §4.3 HKDF with two outputs: temp = HMAC(ck, ikm); out1 = HMAC(temp, 0x01); out2 = HMAC(temp, out1 ‖ 0x02).
    private static void Hkdf(ReadOnlySpan<byte> chainingKey, ReadOnlySpan<byte> inputKeyMaterial, Span<byte> output)
    {
        Span<byte> temp = stackalloc byte[HashLength];
        HMACSHA256.HashData(chainingKey, inputKeyMaterial, temp);
        Span<byte> block = stackalloc byte[HashLength + 1];
        block[0] = 0x01;
        HMACSHA256.HashData(temp, block[..1], output[..HashLength]);
        output[..HashLength].CopyTo(block);
        block[HashLength] = 0x02;
        HMACSHA256.HashData(temp, block, output[HashLength..]);
        CryptographicOperations.ZeroMemory(temp);
    }
}
