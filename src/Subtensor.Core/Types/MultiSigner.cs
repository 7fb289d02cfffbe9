using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>
/// sp-runtime <c>MultiSigner</c>: SCALE enum Ed25519([u8; 32]) = 0, Sr25519([u8; 32]) = 1, Ecdsa([u8; 33]) = 2.
/// Its account is the key itself, or blake2_256 of the compressed ecdsa key.
/// </summary>
public sealed class MultiSigner : IEquatable<MultiSigner>, IScaleEncodable, IScaleDecodable<MultiSigner>
{
    private readonly byte[] _publicKey;

    public MultiSigner(KeyScheme scheme, ReadOnlySpan<byte> publicKey)
    {
        var expected = PublicKeyLength(scheme);
        if (publicKey.Length != expected)
        {
            throw new ArgumentException($"a {scheme} public key is {expected} bytes, got {publicKey.Length}", nameof(publicKey));
        }

        Scheme = scheme;
        _publicKey = publicKey.ToArray();
    }

    public KeyScheme Scheme { get; }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public static int PublicKeyLength(KeyScheme scheme) => scheme switch
    {
        KeyScheme.Ed25519 or KeyScheme.Sr25519 => 32,
        KeyScheme.Ecdsa => 33,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown key scheme"),
    };

    /// <summary>sp-runtime <c>IdentifyAccount for MultiSigner</c>.</summary>
    public AccountId32 ToAccountId() => KeyPairs.AccountIdOf(Scheme, _publicKey);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8((byte)Scheme).WriteBytes(_publicKey);
    }

    public static MultiSigner DecodeFrom(ref ScaleReader reader)
    {
        var tag = reader.ReadU8();
        if (tag > (byte)KeyScheme.Ecdsa)
        {
            throw reader.Error($"MultiSigner: unknown variant {tag}");
        }

        var scheme = (KeyScheme)tag;
        return new MultiSigner(scheme, reader.ReadBytes(PublicKeyLength(scheme)));
    }

    public bool Equals(MultiSigner? other) => other is not null && Scheme == other.Scheme && _publicKey.AsSpan().SequenceEqual(other._publicKey);

    public override bool Equals(object? obj) => Equals(obj as MultiSigner);

    public override int GetHashCode() => HashCode.Combine(Scheme, _publicKey[0], _publicKey[1], _publicKey[2], _publicKey[3]);

    public override string ToString() => $"{Scheme}({Hex.ToHex(_publicKey)})";
}
