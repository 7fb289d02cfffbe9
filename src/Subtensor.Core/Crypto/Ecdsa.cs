using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Subtensor.Core.Hashing;

namespace Subtensor.Core.Crypto;

/// <summary>
/// ECDSA on secp256k1 as sp-core uses it: messages are signed as blake2_256(message) with RFC 6979 nonces and low s,
/// signatures are r ‖ s ‖ recovery id (65 bytes), verification recovers the key and compares the 33-byte compressed form.
/// </summary>
public static class Ecdsa
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 33;
    public const int SignatureLength = 65;

    private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfOrder = Curve.N.ShiftRight(1);

    /// <summary>A key pair from a 32-byte secret, which must be a scalar in [1, n).</summary>
    public static EcdsaKeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"an ecdsa seed is {SeedLength} bytes, got {seed.Length}", nameof(seed));
        }

        var d = new BigInteger(1, seed.ToArray());
        if (d.SignValue == 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new ArgumentException("the ecdsa seed is not a valid secp256k1 secret (zero or not below the group order)", nameof(seed));
        }

        var publicKey = Curve.G.Multiply(d).Normalize().GetEncoded(true);
        return new EcdsaKeyPair(seed.ToArray(), publicKey);
    }

    /// <summary>sp-core <c>ecdsa::Pair::sign</c>: signs blake2_256(message).</summary>
    public static byte[] Sign(EcdsaKeyPair pair, ReadOnlySpan<byte> message) => SignPrehashed(pair, Blake2b.Blake2b256(message));

    /// <summary>Signs a 32-byte digest: RFC 6979 (HMAC-SHA256) nonce, s normalised to the low half, recovery id appended.</summary>
    public static byte[] SignPrehashed(EcdsaKeyPair pair, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (digest.Length != 32)
        {
            throw new ArgumentException("the digest is 32 bytes", nameof(digest));
        }

        var d = new BigInteger(1, pair.Secret.ToArray());
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var digestArray = digest.ToArray();
        var rs = signer.GenerateSignature(digestArray);
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfOrder) > 0)
        {
            s = Curve.N.Subtract(s);
        }

        var signature = new byte[SignatureLength];
        WriteScalar(r, signature.AsSpan(0, 32));
        WriteScalar(s, signature.AsSpan(32, 32));

        // The recovery id is the one under which recovery yields our own key.
        var publicKey = pair.PublicKey;
        for (byte id = 0; id < 4; id++)
        {
            signature[64] = id;
            var recovered = RecoverPrehashed(signature, digest);
            if (recovered is not null && recovered.AsSpan().SequenceEqual(publicKey))
            {
                return signature;
            }
        }

        throw new InvalidOperationException("ecdsa: no recovery id reproduces the public key");
    }

    /// <summary>sp-core <c>ecdsa::Pair::verify</c>: recover from blake2_256(message) and compare compressed keys.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureLength || publicKey.Length != PublicKeyLength)
        {
            return false;
        }

        var recovered = Recover(signature, message);
        return recovered is not null && recovered.AsSpan().SequenceEqual(publicKey);
    }

    /// <summary>sp-core <c>ecdsa::Signature::recover</c>: the compressed public key, or null.</summary>
    public static byte[]? Recover(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message) => RecoverPrehashed(signature, Blake2b.Blake2b256(message));

    /// <summary>
    /// Public-key recovery (SEC 1 v2 §4.1.6) as libsecp256k1 does it: recovery id 0..3, r and s in [1, n),
    /// digest reduced mod n. Returns the 33-byte compressed key (or the 65-byte SEC1 uncompressed key), or null.
    /// </summary>
    public static byte[]? RecoverPrehashed(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> digest, bool compressed = true)
    {
        if (signature.Length != SignatureLength || digest.Length != 32)
        {
            return null;
        }

        var recoveryId = signature[64];
        if (recoveryId > 3)
        {
            return null;
        }

        var n = Curve.N;
        var r = new BigInteger(1, signature[..32].ToArray());
        var s = new BigInteger(1, signature.Slice(32, 32).ToArray());
        if (r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(n) >= 0 || s.CompareTo(n) >= 0)
        {
            return null;
        }

        var x = (recoveryId & 2) != 0 ? r.Add(n) : r;
        if (x.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
        {
            return null;
        }

        ECPoint bigR;
        try
        {
            var encoded = new byte[33];
            encoded[0] = (byte)(0x02 | (recoveryId & 1));
            WriteScalar(x, encoded.AsSpan(1));
            bigR = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            // x is not the abscissa of a curve point.
            return null;
        }

        var e = new BigInteger(1, digest.ToArray()).Mod(n);
        var rInverse = r.ModInverse(n);
        var u1 = n.Subtract(e).Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        return q.IsInfinity ? null : q.GetEncoded(compressed);
    }

    /// <summary>sp-core ecdsa hard junction: blake2_256(SCALE(("Secp256k1HDKD", seed, chain_code))).</summary>
    public static byte[] DeriveHard(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> chainCode) => Ed25519.HardDerivation("Secp256k1HDKD", seed, chainCode);

    /// <summary>The AccountId32 of an ecdsa signer: blake2_256 of the compressed public key (sp-runtime <c>MultiSigner</c>).</summary>
    public static byte[] AccountIdOf(ReadOnlySpan<byte> compressedPublicKey)
    {
        if (compressedPublicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException("an ecdsa public key is 33 bytes", nameof(compressedPublicKey));
        }

        return Blake2b.Blake2b256(compressedPublicKey);
    }

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination.Clear();
        bytes.CopyTo(destination[(destination.Length - bytes.Length)..]);
    }
}
