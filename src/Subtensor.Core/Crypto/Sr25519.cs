using System.Security.Cryptography;

namespace Subtensor.Core.Crypto;

/// <summary>
/// sr25519 as schnorrkel 0.11 and sp-core define it: Schnorr signatures on ristretto255 with Merlin transcripts,
/// the Kusama-ordered DLEQ VRF, and HDKD. Signing context defaults to "substrate".
/// </summary>
public static class Sr25519
{
    public const int SeedLength = 32;
    public const int SecretKeyLength = 64;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;
    public const int ChainCodeLength = 32;
    public const int VrfPreOutputLength = 32;
    public const int VrfProofLength = 64;
    public const int VrfSignatureLength = VrfPreOutputLength + VrfProofLength;

    /// <summary>sp-core's <c>SIGNING_CTX</c>.</summary>
    public static ReadOnlySpan<byte> SubstrateContext => "substrate"u8;

    /// <summary>A key pair from a 32-byte mini secret (schnorrkel <c>ExpansionMode::Ed25519</c>, as sp-core and subkey use).</summary>
    public static Sr25519KeyPair FromMiniSecret(ReadOnlySpan<byte> miniSecret)
    {
        if (miniSecret.Length != SeedLength)
        {
            throw new ArgumentException($"an sr25519 mini secret is {SeedLength} bytes, got {miniSecret.Length}", nameof(miniSecret));
        }

        // schnorrkel keys.rs expand_ed25519: SHA-512, clamp the low half, divide it by the cofactor; high half = nonce.
        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(miniSecret, hash);
        var key = hash[..32].ToArray();
        var nonce = hash[32..].ToArray();
        CryptographicOperations.ZeroMemory(hash);
        key[0] &= 248;
        key[31] &= 63;
        key[31] |= 64;
        DivideByCofactor(key);
        return new Sr25519KeyPair(key, nonce);
    }

    /// <summary>A key pair from schnorrkel's 64-byte <c>SecretKey::to_bytes</c> form (canonical scalar ‖ nonce).</summary>
    public static Sr25519KeyPair FromSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"an sr25519 secret key is {SecretKeyLength} bytes, got {secretKey.Length}", nameof(secretKey));
        }

        if (!Ristretto255.IsCanonicalScalar(secretKey[..32]))
        {
            throw new ArgumentException("the sr25519 secret scalar is not canonical (not below the group order)", nameof(secretKey));
        }

        return new Sr25519KeyPair(secretKey[..32].ToArray(), secretKey[32..].ToArray());
    }

    /// <summary>A key pair from the 64-byte "ed25519 bytes" form (8·scalar ‖ nonce) that @polkadot/util-crypto uses.</summary>
    public static Sr25519KeyPair FromEd25519Bytes(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"an sr25519 secret key is {SecretKeyLength} bytes, got {secretKey.Length}", nameof(secretKey));
        }

        var key = secretKey[..32].ToArray();
        DivideByCofactor(key);
        if (!Ristretto255.IsCanonicalScalar(key))
        {
            CryptographicOperations.ZeroMemory(key);
            throw new ArgumentException("the sr25519 secret scalar is not canonical (not below the group order)", nameof(secretKey));
        }

        return new Sr25519KeyPair(key, secretKey[32..].ToArray());
    }

    /// <summary>Signs with the "substrate" context, as sp-core's <c>sr25519::Pair::sign</c>.</summary>
    public static byte[] Sign(Sr25519KeyPair pair, ReadOnlySpan<byte> message) => Sign(pair, SubstrateContext, message, SystemRandom.Instance);

    /// <summary>schnorrkel <c>sign_simple(context, message)</c>; <paramref name="random"/> feeds the nonce witness (tests inject it).</summary>
    public static byte[] Sign(Sr25519KeyPair pair, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(random);
        using var t = SigningTranscript(context, message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, pair.Public);

        Span<byte> r = stackalloc byte[32];
        WitnessScalar(t, "signing"u8, pair.Nonce, random, r);
        var signature = new byte[SignatureLength];
        Ristretto255.ScalarMultiplyBase(r, signature.AsSpan(0, 32));
        t.AppendMessage("sign:R"u8, signature.AsSpan(0, 32));

        Span<byte> k = stackalloc byte[32];
        ChallengeScalar(t, "sign:c"u8, k);
        Span<byte> kx = stackalloc byte[32];
        Ristretto255.ScalarMultiply(k, pair.Key, kx);
        Ristretto255.ScalarAdd(kx, r, signature.AsSpan(32));
        CryptographicOperations.ZeroMemory(r);
        CryptographicOperations.ZeroMemory(kx);

        // Distinguishes schnorrkel signatures from the 0.1 (and ed25519) layout.
        signature[63] |= 0x80;
        return signature;
    }

    /// <summary>Verifies with the "substrate" context, as sp-core's <c>sr25519::Pair::verify</c>.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
        => Verify(signature, SubstrateContext, message, publicKey);

    /// <summary>schnorrkel <c>verify_simple</c>: marker bit required, canonical s, valid public key, R recomputed and compared bytewise.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureLength || publicKey.Length != PublicKeyLength)
        {
            return false;
        }

        if ((signature[63] & 0x80) == 0)
        {
            return false;
        }

        Span<byte> s = stackalloc byte[32];
        signature[32..].CopyTo(s);
        s[31] &= 0x7f;
        if (!Ristretto255.IsCanonicalScalar(s) || !Ristretto255.IsValidPoint(publicKey))
        {
            return false;
        }

        Span<byte> k = stackalloc byte[32];
        using (var t = SigningTranscript(context, message))
        {
            t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
            t.AppendMessage("sign:pk"u8, publicKey);
            t.AppendMessage("sign:R"u8, signature[..32]);
            ChallengeScalar(t, "sign:c"u8, k);
        }

        // R' = s·B − k·A
        Span<byte> expected = stackalloc byte[32];
        if (!DoubleScalarMultiplyBase(s, k, publicKey, negateA: true, expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, signature[..32]);
    }

    /// <summary>
    /// VRF sign as @polkadot/wasm-crypto's <c>vrf_sign(secret, ctx, msg, extra)</c>: input transcript =
    /// signing context <paramref name="context"/> over <paramref name="message"/>; extra transcript "VRF" with
    /// <paramref name="extra"/> appended when not empty. Returns pre-output (32) ‖ proof c ‖ s (64).
    /// </summary>
    public static byte[] VrfSign(Sr25519KeyPair pair, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> extra)
        => VrfSign(pair, context, message, extra, SystemRandom.Instance);

    public static byte[] VrfSign(Sr25519KeyPair pair, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> extra, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> input = stackalloc byte[32];
        VrfInputPoint(pair.Public, context, message, input);

        var result = new byte[VrfSignatureLength];
        var preOut = result.AsSpan(0, 32);
        if (!Ristretto255.TryScalarMultiply(pair.Key, input, preOut))
        {
            throw new InvalidOperationException("the VRF input point is invalid");
        }

        using var t = VrfExtraTranscript(extra);
        t.AppendMessage("proto-name"u8, "DLEQProof"u8);
        t.AppendMessage("vrf:h"u8, input);
        Span<byte> r = stackalloc byte[32];
        WitnessScalar(t, "proving\0"u8 + "0"u8, pair.Nonce, random, r);
        Span<byte> point = stackalloc byte[32];
        Ristretto255.ScalarMultiplyBase(r, point);
        t.AppendMessage("vrf:R=g^r"u8, point);
        Ristretto255.TryScalarMultiply(r, input, point);
        t.AppendMessage("vrf:h^r"u8, point);
        // KUSAMA_VRF = true: the public key goes after h^r.
        t.AppendMessage("vrf:pk"u8, pair.Public);
        t.AppendMessage("vrf:h^sk"u8, preOut);

        var c = result.AsSpan(32, 32);
        ChallengeScalar(t, "prove"u8, c);
        Span<byte> cx = stackalloc byte[32];
        Ristretto255.ScalarMultiply(c, pair.Key, cx);
        Ristretto255.ScalarSubtract(r, cx, result.AsSpan(64, 32));
        CryptographicOperations.ZeroMemory(r);
        CryptographicOperations.ZeroMemory(cx);
        return result;
    }

    /// <summary>VRF verify as @polkadot/wasm-crypto's <c>vrf_verify(pubkey, ctx, msg, extra, out_and_proof)</c>.</summary>
    public static bool VrfVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> extra, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != VrfSignatureLength || !Ristretto255.IsValidPoint(publicKey))
        {
            return false;
        }

        var preOut = signature[..32];
        var c = signature.Slice(32, 32);
        var s = signature.Slice(64, 32);
        if (!Ristretto255.IsCanonicalScalar(c) || !Ristretto255.IsCanonicalScalar(s))
        {
            return false;
        }

        // attach_input_hash: the pre-output must decode and must not be the identity.
        if (!Ristretto255.IsValidPoint(preOut) || preOut.IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        Span<byte> input = stackalloc byte[32];
        VrfInputPoint(publicKey, context, message, input);

        using var t = VrfExtraTranscript(extra);
        t.AppendMessage("proto-name"u8, "DLEQProof"u8);
        t.AppendMessage("vrf:h"u8, input);

        // R = c·pk + s·B ; Hr = c·out + s·H
        Span<byte> point = stackalloc byte[32];
        if (!DoubleScalarMultiplyBase(s, c, publicKey, negateA: false, point))
        {
            return false;
        }

        t.AppendMessage("vrf:R=g^r"u8, point);
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        if (!Ristretto255.TryScalarMultiply(c, preOut, a) || !Ristretto255.TryScalarMultiply(s, input, b) || !Ristretto255.TryAdd(a, b, point))
        {
            return false;
        }

        t.AppendMessage("vrf:h^r"u8, point);
        t.AppendMessage("vrf:pk"u8, publicKey);
        t.AppendMessage("vrf:h^sk"u8, preOut);
        Span<byte> expected = stackalloc byte[32];
        ChallengeScalar(t, "prove"u8, expected);
        return CryptographicOperations.FixedTimeEquals(expected, c);
    }

    /// <summary>
    /// schnorrkel <c>VRFInOut::make_bytes(output_context)</c> for a verified pre-output: transcript "VRFResult",
    /// append "" = context, "vrf-in" = H, "vrf-out" = pre-output, then <paramref name="length"/> challenge bytes under "".
    /// </summary>
    public static byte[] VrfOutputBytes(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> preOutput, ReadOnlySpan<byte> outputContext, int length)
    {
        if (publicKey.Length != PublicKeyLength || preOutput.Length != VrfPreOutputLength)
        {
            throw new ArgumentException("VRF public key and pre-output are 32 bytes");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Span<byte> input = stackalloc byte[32];
        VrfInputPoint(publicKey, context, message, input);
        using var t = new MerlinTranscript("VRFResult"u8);
        t.AppendMessage(""u8, outputContext);
        t.AppendMessage("vrf-in"u8, input);
        t.AppendMessage("vrf-out"u8, preOutput);
        var output = new byte[length];
        t.ChallengeBytes(""u8, output);
        return output;
    }

    /// <summary>
    /// schnorrkel <c>SecretKey::hard_derive_mini_secret_key(Some(cc), b"")</c>: the new 32-byte mini secret
    /// (sp-core's derived seed) for a hard junction.
    /// </summary>
    public static byte[] HardDeriveMiniSecret(Sr25519KeyPair pair, ReadOnlySpan<byte> chainCode)
    {
        ArgumentNullException.ThrowIfNull(pair);
        CheckChainCode(chainCode);
        using var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        t.AppendMessage("chain-code"u8, chainCode);
        t.AppendMessage("secret-key"u8, pair.Key);
        var miniSecret = new byte[SeedLength];
        t.ChallengeBytes("HDKD-hard"u8, miniSecret);
        return miniSecret;
    }

    /// <summary>Soft derivation (schnorrkel <c>derived_key_simple(cc, b"")</c> on a key pair); the new nonce mixes in fresh randomness.</summary>
    public static Sr25519KeyPair DeriveSoft(Sr25519KeyPair pair, ReadOnlySpan<byte> chainCode) => DeriveSoft(pair, chainCode, SystemRandom.Instance, out _);

    public static Sr25519KeyPair DeriveSoft(Sr25519KeyPair pair, ReadOnlySpan<byte> chainCode, IRandomSource random, out byte[] newChainCode)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(random);
        CheckChainCode(chainCode);
        using var t = SoftDerivationTranscript(chainCode, pair.Public);
        Span<byte> scalar = stackalloc byte[32];
        ChallengeScalar(t, "HDKD-scalar"u8, scalar);
        newChainCode = new byte[ChainCodeLength];
        t.ChallengeBytes("HDKD-chaincode"u8, newChainCode);

        var nonce = new byte[32];
        var secretBytes = pair.ToSecretKeyBytes();
        using (var builder = t.BuildRng())
        {
            builder.RekeyWithWitnessBytes("HDKD-nonce"u8, pair.Nonce).RekeyWithWitnessBytes("HDKD-nonce"u8, secretBytes);
            using var rng = builder.Finalize(random);
            rng.FillBytes(nonce);
        }

        CryptographicOperations.ZeroMemory(secretBytes);
        var key = new byte[32];
        Ristretto255.ScalarAdd(pair.Key, scalar, key);
        return new Sr25519KeyPair(key, nonce);
    }

    /// <summary>Public soft derivation (schnorrkel <c>PublicKey::derived_key_simple(cc, b"")</c>): A + scalar·B.</summary>
    public static byte[] DerivePublicSoft(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode) => DerivePublicSoft(publicKey, chainCode, out _);

    public static byte[] DerivePublicSoft(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode, out byte[] newChainCode)
    {
        CheckChainCode(chainCode);
        if (publicKey.Length != PublicKeyLength || !Ristretto255.IsValidPoint(publicKey))
        {
            throw new ArgumentException("not a valid sr25519 public key", nameof(publicKey));
        }

        using var t = SoftDerivationTranscript(chainCode, publicKey);
        Span<byte> scalar = stackalloc byte[32];
        ChallengeScalar(t, "HDKD-scalar"u8, scalar);
        newChainCode = new byte[ChainCodeLength];
        t.ChallengeBytes("HDKD-chaincode"u8, newChainCode);
        Span<byte> offset = stackalloc byte[32];
        Ristretto255.ScalarMultiplyBase(scalar, offset);
        var derived = new byte[PublicKeyLength];
        Ristretto255.TryAdd(publicKey, offset, derived);
        return derived;
    }

    /// <summary>schnorrkel scalars.rs: little-endian right shift by 3 across the 32 bytes.</summary>
    internal static void DivideByCofactor(Span<byte> scalar)
    {
        byte low = 0;
        for (var i = scalar.Length - 1; i >= 0; i--)
        {
            var remainder = (byte)(scalar[i] & 7);
            scalar[i] = (byte)((scalar[i] >> 3) + low);
            low = (byte)(remainder << 5);
        }
    }

    /// <summary>schnorrkel scalars.rs: little-endian left shift by 3 across the 32 bytes.</summary>
    internal static void MultiplyByCofactor(Span<byte> scalar)
    {
        byte high = 0;
        for (var i = 0; i < scalar.Length; i++)
        {
            var carry = (byte)(scalar[i] & 0xe0);
            scalar[i] = (byte)((scalar[i] << 3) + high);
            high = (byte)(carry >> 5);
        }
    }

    /// <summary>schnorrkel <c>signing_context(ctx).bytes(msg)</c>.</summary>
    internal static MerlinTranscript SigningTranscript(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message)
    {
        var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(""u8, context);
        t.AppendMessage("sign-bytes"u8, message);
        return t;
    }

    /// <summary>challenge_scalar: 64 challenge bytes reduced mod ℓ.</summary>
    internal static void ChallengeScalar(MerlinTranscript t, ReadOnlySpan<byte> label, Span<byte> scalar)
    {
        Span<byte> wide = stackalloc byte[64];
        t.ChallengeBytes(label, wide);
        Ristretto255.ReduceWide(wide, scalar);
    }

    /// <summary>witness_scalar(label, [nonce]): 64 bytes from the transcript RNG, reduced mod ℓ.</summary>
    private static void WitnessScalar(MerlinTranscript t, ReadOnlySpan<byte> label, ReadOnlySpan<byte> nonce, IRandomSource random, Span<byte> scalar)
    {
        Span<byte> wide = stackalloc byte[64];
        using (var builder = t.BuildRng())
        {
            builder.RekeyWithWitnessBytes(label, nonce);
            using var rng = builder.Finalize(random);
            rng.FillBytes(wide);
        }

        Ristretto255.ReduceWide(wide, scalar);
        CryptographicOperations.ZeroMemory(wide);
    }

    /// <summary>The VRF input H = from_uniform_bytes(challenge "VRFHash") after committing "vrf-nm-pk" (non-malleable input).</summary>
    private static void VrfInputPoint(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, Span<byte> input)
    {
        using var t = SigningTranscript(context, message);
        t.AppendMessage("vrf-nm-pk"u8, publicKey);
        Span<byte> hash = stackalloc byte[64];
        t.ChallengeBytes("VRFHash"u8, hash);
        Ristretto255.FromUniformBytes(hash, input);
    }

    /// <summary>@polkadot/wasm-crypto <c>new_transcript(extra)</c>: "VRF", with extra appended only when not empty.</summary>
    private static MerlinTranscript VrfExtraTranscript(ReadOnlySpan<byte> extra)
    {
        var t = new MerlinTranscript("VRF"u8);
        if (!extra.IsEmpty)
        {
            t.AppendMessage(""u8, extra);
        }

        return t;
    }

    private static MerlinTranscript SoftDerivationTranscript(ReadOnlySpan<byte> chainCode, ReadOnlySpan<byte> publicKey)
    {
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        t.AppendMessage("chain-code"u8, chainCode);
        t.AppendMessage("public-key"u8, publicKey);
        return t;
    }

    /// <summary>b·B ± a·A into <paramref name="result"/>; false when A does not decode.</summary>
    private static bool DoubleScalarMultiplyBase(ReadOnlySpan<byte> b, ReadOnlySpan<byte> a, ReadOnlySpan<byte> pointA, bool negateA, Span<byte> result)
    {
        Span<byte> bB = stackalloc byte[32];
        Span<byte> aA = stackalloc byte[32];
        if (!Ristretto255.TryScalarMultiply(a, pointA, aA))
        {
            return false;
        }

        Ristretto255.ScalarMultiplyBase(b, bB);
        return negateA ? Ristretto255.TrySubtract(bB, aA, result) : Ristretto255.TryAdd(bB, aA, result);
    }

    private static void CheckChainCode(ReadOnlySpan<byte> chainCode)
    {
        if (chainCode.Length != ChainCodeLength)
        {
            throw new ArgumentException($"a chain code is {ChainCodeLength} bytes, got {chainCode.Length}", nameof(chainCode));
        }
    }
}
