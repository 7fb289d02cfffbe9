using Subtensor.Core.Crypto;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>
/// sp-runtime <c>MultiSignature</c>: SCALE enum Ed25519([u8; 64]) = 0, Sr25519([u8; 64]) = 1, Ecdsa([u8; 65]) = 2.
/// </summary>
public sealed class MultiSignature : IEquatable<MultiSignature>, IScaleEncodable, IScaleDecodable<MultiSignature>
{
    private readonly byte[] _signature;

    public MultiSignature(KeyScheme scheme, ReadOnlySpan<byte> signature)
    {
        var expected = SignatureLength(scheme);
        if (signature.Length != expected)
        {
            throw new ArgumentException($"a {scheme} signature is {expected} bytes, got {signature.Length}", nameof(signature));
        }

        Scheme = scheme;
        _signature = signature.ToArray();
    }

    public KeyScheme Scheme { get; }

    public ReadOnlySpan<byte> Signature => _signature;

    public static int SignatureLength(KeyScheme scheme) => scheme switch
    {
        KeyScheme.Ed25519 or KeyScheme.Sr25519 => 64,
        KeyScheme.Ecdsa => 65,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown key scheme"),
    };

    /// <summary>
    /// sp-runtime <c>Verify for MultiSignature</c> against an account: ed25519/sr25519 take the account bytes as the key;
    /// ecdsa recovers the key from blake2_256(message) (v of 27..30 is read as 0..3, as sp-io's
    /// <c>secp256k1_ecdsa_recover_compressed</c> does) and compares blake2_256(compressed key) with the account.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> message, AccountId32 signer)
    {
        Span<byte> account = stackalloc byte[AccountId32.Length];
        signer.CopyTo(account);
        switch (Scheme)
        {
            case KeyScheme.Ed25519:
                return Ed25519.Verify(_signature, message, account);
            case KeyScheme.Sr25519:
                return Sr25519.Verify(_signature, message, account);
            case KeyScheme.Ecdsa:
                Span<byte> signature = stackalloc byte[65];
                _signature.CopyTo(signature);
                if (signature[64] > 26)
                {
                    signature[64] -= 27;
                }

                var recovered = Ecdsa.RecoverPrehashed(signature, Blake2b.Blake2b256(message));
                return recovered is not null && Blake2b.Blake2b256(recovered).AsSpan().SequenceEqual(account);
            default:
                return false;
        }
    }

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8((byte)Scheme).WriteBytes(_signature);
    }

    public static MultiSignature DecodeFrom(ref ScaleReader reader)
    {
        var tag = reader.ReadU8();
        if (tag > (byte)KeyScheme.Ecdsa)
        {
            throw reader.Error($"MultiSignature: unknown variant {tag}");
        }

        var scheme = (KeyScheme)tag;
        return new MultiSignature(scheme, reader.ReadBytes(SignatureLength(scheme)));
    }

    public bool Equals(MultiSignature? other) => other is not null && Scheme == other.Scheme && _signature.AsSpan().SequenceEqual(other._signature);

    public override bool Equals(object? obj) => Equals(obj as MultiSignature);

    public override int GetHashCode() => HashCode.Combine(Scheme, _signature[0], _signature[1], _signature[2], _signature[3]);

    public override string ToString() => $"{Scheme}({Hex.ToHex(_signature)})";
}
