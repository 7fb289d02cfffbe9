using System.Security.Cryptography;
using Subtensor.Core.Types;

namespace Subtensor.Core.Crypto;

/// <summary>Scheme-independent key creation and verification, with sp-core's secret-URI rules.</summary>
public static class KeyPairs
{
    /// <summary>
    /// sp-core <c>Pair::from_seed_slice</c>: 32 bytes for every scheme (sr25519 mini secret, ed25519 seed, secp256k1 secret);
    /// sr25519 also takes schnorrkel's 64-byte secret key.
    /// </summary>
    public static IKeyPair FromSeed(KeyScheme scheme, ReadOnlySpan<byte> seed) => scheme switch
    {
        KeyScheme.Sr25519 when seed.Length == Sr25519.SecretKeyLength => Sr25519.FromSecretKey(seed),
        KeyScheme.Sr25519 => Sr25519.FromMiniSecret(seed),
        KeyScheme.Ed25519 => Ed25519.FromSeed(seed),
        KeyScheme.Ecdsa => Ecdsa.FromSeed(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown key scheme"),
    };

    /// <summary>
    /// sp-core <c>Pair::from_string_with_seed(suri, None)</c>: a BIP39 phrase (with optional ///password) or a 0x seed of
    /// exactly 32 bytes, then the junctions. Throws <see cref="SecretUriException"/>.
    /// </summary>
    public static DerivedKeyPair FromSuri(string suri, KeyScheme scheme) => FromSuri(suri, scheme, passwordOverride: null);

    /// <summary>As <see cref="FromSuri(string, KeyScheme)"/>, with a password that replaces the URI's own.</summary>
    public static DerivedKeyPair FromSuri(string suri, KeyScheme scheme, string? passwordOverride)
    {
        var uri = SecretUri.Parse(suri);
        var rootSeed = RootSeed(uri, passwordOverride ?? uri.Password);
        try
        {
            return scheme switch
            {
                KeyScheme.Sr25519 => DeriveSr25519(rootSeed, uri.Junctions),
                KeyScheme.Ed25519 => DeriveHardOnly(rootSeed, uri.Junctions, scheme, (s, c) => Ed25519.DeriveHard(s, c), s => Ed25519.FromSeed(s)),
                KeyScheme.Ecdsa => DeriveHardOnly(rootSeed, uri.Junctions, scheme, (s, c) => Ecdsa.DeriveHard(s, c), s => Ecdsa.FromSeed(s)),
                _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown key scheme"),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rootSeed);
        }
    }

    /// <summary>sp-core <c>Pair::verify</c> for the scheme; false for malformed input.</summary>
    public static bool Verify(KeyScheme scheme, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey) => scheme switch
    {
        KeyScheme.Sr25519 => Sr25519.Verify(signature, message, publicKey),
        KeyScheme.Ed25519 => Ed25519.Verify(signature, message, publicKey),
        KeyScheme.Ecdsa => Ecdsa.Verify(signature, message, publicKey),
        _ => false,
    };

    /// <summary>The AccountId32 a public key maps to (sp-runtime <c>MultiSigner::into_account</c>).</summary>
    public static AccountId32 AccountIdOf(KeyScheme scheme, ReadOnlySpan<byte> publicKey) => scheme switch
    {
        KeyScheme.Ecdsa => new AccountId32(Ecdsa.AccountIdOf(publicKey)),
        KeyScheme.Sr25519 or KeyScheme.Ed25519 when publicKey.Length == 32 => new AccountId32(publicKey),
        _ => throw new ArgumentException($"a {scheme} public key is 32 bytes", nameof(publicKey)),
    };

    private static byte[] RootSeed(SecretUri uri, string? password)
    {
        if (uri.Phrase.StartsWith("0x", StringComparison.Ordinal))
        {
            // A hex seed ignores the password, as sp-core does.
            var hex = uri.Phrase.AsSpan(2);
            if (hex.Length != 64 || !IsHex(hex))
            {
                throw new SecretUriException(SecretUriErrorKind.InvalidSeed, "invalid seed: expected 0x followed by 64 hex digits (32 bytes)");
            }

            return Convert.FromHexString(hex);
        }

        try
        {
            return Bip39.ToMiniSecret(uri.Phrase, password ?? string.Empty);
        }
        catch (Bip39Exception e)
        {
            throw new SecretUriException(SecretUriErrorKind.InvalidPhrase, "invalid phrase: " + e.Message, e);
        }
    }

    private static DerivedKeyPair DeriveSr25519(byte[] rootSeed, IReadOnlyList<DeriveJunction> junctions)
    {
        // sp-core sr25519 Pair::derive: hard junctions go through mini secrets and keep a seed; soft ones drop it.
        var pair = Sr25519.FromMiniSecret(rootSeed);
        byte[]? seed = (byte[])rootSeed.Clone();
        foreach (var junction in junctions)
        {
            Sr25519KeyPair next;
            if (junction.IsHard)
            {
                var miniSecret = Sr25519.HardDeriveMiniSecret(pair, junction.ChainCode);
                next = Sr25519.FromMiniSecret(miniSecret);
                if (seed is not null)
                {
                    CryptographicOperations.ZeroMemory(seed);
                    seed = miniSecret;
                }
                else
                {
                    CryptographicOperations.ZeroMemory(miniSecret);
                }
            }
            else
            {
                next = Sr25519.DeriveSoft(pair, junction.ChainCode);
                if (seed is not null)
                {
                    CryptographicOperations.ZeroMemory(seed);
                    seed = null;
                }
            }

            pair.Dispose();
            pair = next;
        }

        return new DerivedKeyPair(pair, seed);
    }

    private static DerivedKeyPair DeriveHardOnly(byte[] rootSeed, IReadOnlyList<DeriveJunction> junctions, KeyScheme scheme, Func<byte[], byte[], byte[]> deriveHard, Func<byte[], IKeyPair> fromSeed)
    {
        var seed = (byte[])rootSeed.Clone();
        foreach (var junction in junctions)
        {
            if (junction.IsSoft)
            {
                CryptographicOperations.ZeroMemory(seed);
                throw new SecretUriException(SecretUriErrorKind.InvalidPath, $"invalid path: soft junctions are not supported for {scheme.ToString().ToLowerInvariant()}");
            }

            var next = deriveHard(seed, junction.ChainCode.ToArray());
            CryptographicOperations.ZeroMemory(seed);
            seed = next;
        }

        try
        {
            return new DerivedKeyPair(fromSeed(seed), seed);
        }
        catch (ArgumentException e)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new SecretUriException(SecretUriErrorKind.InvalidSeed, "invalid seed: " + e.Message, e);
        }
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiHexDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
