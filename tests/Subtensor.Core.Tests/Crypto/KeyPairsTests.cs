using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class KeyPairsTests
{
    public static TheoryData<string> Accounts() => DevKeys.AccountNames();

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Dev_accounts_match_the_vectors(string name)
    {
        foreach (var (scheme, field) in new[] { (KeyScheme.Sr25519, "sr25519"), (KeyScheme.Ed25519, "ed25519") })
        {
            using var derived = KeyPairs.FromSuri("//" + name, scheme);
            var pub = derived.Pair.PublicKey;
            Assert.Equal(DevKeys.Get(name, field, "public"), Hex.ToHex(pub));
            Assert.Equal(DevKeys.Get(name, field, "ss58_42"), Ss58.Encode(pub));
            Assert.Equal(DevKeys.Get(name, field, "ss58_0"), Ss58.Encode(pub, 0));
            Assert.NotNull(derived.Seed);
        }
    }

    [Fact]
    public void Alice_secret_seed_is_the_one_subkey_prints()
    {
        using var derived = KeyPairs.FromSuri("//Alice", KeyScheme.Sr25519);
        Assert.Equal("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", Hex.ToHex(derived.Seed!));

        // The printed seed gives the same key back (sp-core SecretUri doc example).
        using var again = KeyPairs.FromSuri("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", KeyScheme.Sr25519);
        Assert.Equal(derived.Pair.PublicKey, again.Pair.PublicKey);
    }

    [Fact]
    public void Dev_phrase_without_junctions_is_the_dev_mini_secret()
    {
        using var derived = KeyPairs.FromSuri(SecretUri.DevPhrase, KeyScheme.Sr25519);
        Assert.Equal(DevKeys.Root.GetProperty("dev_mini_secret").GetString(), Hex.ToHex(derived.Seed!));
        Assert.Equal("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", Ss58.Encode(derived.Pair.PublicKey));
    }

    [Theory]
    // Publics computed with @polkadot/keyring addFromUri (dev phrase prepended for the soft-only paths). Numeric
    // junctions of 2^64 and above, and "0x…" junctions, are left out: polkadot-js reads them as a 256-bit number or
    // hex bytes, while sp-core (which we follow) encodes them as strings.
    [InlineData("/Alice", "0xd6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e", false)]
    [InlineData("//Alice/soft", "0x02cfd83074aefc9955af4034d19b3780d47a52e158ababec8ec012b2295f1c5b", false)]
    [InlineData("//Alice//stash", "0xbe5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f", true)]
    [InlineData("//1", "0xb606fc73f57f03cdb4c932d475ab426043e429cecc2ffff0d2672b0df8398c48", true)]
    [InlineData("//05", "0x60c57f0008067cc01c5ff9eb2e2f9b3a94299a915a91198bd1021a6c55596f57", true)]
    [InlineData("/1", "0x328b984202c3c1c834b9c5973a0e8955c4f60c6e3c100503c77d4ad3b9328639", false)]
    [InlineData("//Alice///password", "0x32fc18294f88e02ec071e59bb3996aa21f4519d92593dc6e01fda2921d459b23", true)]
    public void Sr25519_paths_match_polkadot_js(string suri, string expectedPublic, bool seedKept)
    {
        using var derived = KeyPairs.FromSuri(suri, KeyScheme.Sr25519);
        Assert.Equal(expectedPublic, Hex.ToHex(derived.Pair.PublicKey));
        Assert.Equal(seedKept, derived.Seed is not null);
    }

    [Theory]
    [InlineData("//Alice//stash", "0x451781cd0c5504504f69ceec484cc66e4c22a2b6a9d20fb1a426d91ad074a2a8")]
    [InlineData("//Alice///password", "0x2818a78aba524c30f6054d7bf23dd78bc2d20c4111d00f6ba56a060e97e0d8d4")]
    [InlineData("//1", "0xbf3a763d817cee09bf785b9cc6118f58dab5c03f3ace6d524899bcb28ac74f27")]
    public void Ed25519_paths_match_polkadot_js(string suri, string expectedPublic)
    {
        using var derived = KeyPairs.FromSuri(suri, KeyScheme.Ed25519);
        Assert.Equal(expectedPublic, Hex.ToHex(derived.Pair.PublicKey));
    }

    [Theory]
    [InlineData("//Alice", "0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1")]
    [InlineData("//Alice//stash", "0x03c6a1c2194fa966d30bc4b9c4d5140e9a899d456372dae0e4ef230fd7d2197e72")]
    public void Ecdsa_paths_match_polkadot_js(string suri, string expectedPublic)
    {
        using var derived = KeyPairs.FromSuri(suri, KeyScheme.Ecdsa);
        Assert.Equal(expectedPublic, Hex.ToHex(derived.Pair.PublicKey));
        Assert.Equal("KW68TNG6Hkvk7gpEwgAzgfX5aqGAthj3TUUFTu6LndoJmdLZE", Ss58.Encode(KeyPairs.FromSeed(KeyScheme.Ecdsa, Hex.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")).PublicKey));
    }

    [Fact]
    public void Password_override_and_empty_password()
    {
        using var a = KeyPairs.FromSuri("//Alice///password", KeyScheme.Sr25519);
        using var b = KeyPairs.FromSuri("//Alice", KeyScheme.Sr25519, passwordOverride: "password");
        using var c = KeyPairs.FromSuri("//Alice///other", KeyScheme.Sr25519, passwordOverride: "password");
        using var d = KeyPairs.FromSuri("//Alice///", KeyScheme.Sr25519);
        using var e = KeyPairs.FromSuri("//Alice", KeyScheme.Sr25519);
        Assert.Equal(a.Pair.PublicKey, b.Pair.PublicKey);
        Assert.Equal(a.Pair.PublicKey, c.Pair.PublicKey);
        Assert.Equal(d.Pair.PublicKey, e.Pair.PublicKey);
    }

    [Fact]
    public void Hex_seed_ignores_the_password()
    {
        using var a = KeyPairs.FromSuri("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60///pw", KeyScheme.Ed25519);
        Assert.Equal("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Hex.ToHex(a.Pair.PublicKey));
    }

    [Theory]
    [InlineData("0x0123456789abcdef", SecretUriErrorKind.InvalidSeed)]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f6000", SecretUriErrorKind.InvalidSeed)]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7fzz", SecretUriErrorKind.InvalidSeed)]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit walkk", SecretUriErrorKind.InvalidPhrase)]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit fit", SecretUriErrorKind.InvalidPhrase)]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit", SecretUriErrorKind.InvalidPhrase)]
    [InlineData("hello world", SecretUriErrorKind.InvalidPhrase)]
    [InlineData("sd.asd", SecretUriErrorKind.InvalidFormat)]
    [InlineData("//Alice//", SecretUriErrorKind.InvalidFormat)]
    [InlineData("//Alice/", SecretUriErrorKind.InvalidFormat)]
    [InlineData("///a\n", SecretUriErrorKind.InvalidFormat)]
    public void Bad_uris_fail_with_the_right_kind(string suri, SecretUriErrorKind kind)
    {
        var error = Assert.Throws<SecretUriException>(() => KeyPairs.FromSuri(suri, KeyScheme.Sr25519));
        Assert.Equal(kind, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("bottom", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyScheme.Ed25519)]
    [InlineData(KeyScheme.Ecdsa)]
    public void Soft_junctions_are_refused_for_ed25519_and_ecdsa(KeyScheme scheme)
    {
        var error = Assert.Throws<SecretUriException>(() => KeyPairs.FromSuri("//Alice/soft", scheme));
        Assert.Equal(SecretUriErrorKind.InvalidPath, error.Kind);
        Assert.Contains("soft", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_seed_accepts_sr25519_secret_keys_and_checks_lengths()
    {
        using var mini = KeyPairs.FromSeed(KeyScheme.Sr25519, new byte[32]);
        using var expanded = KeyPairs.FromSeed(KeyScheme.Sr25519, ((Sr25519KeyPair)mini).ToSecretKeyBytes());
        Assert.Equal(mini.PublicKey, expanded.PublicKey);
        Assert.Throws<ArgumentException>(() => KeyPairs.FromSeed(KeyScheme.Ed25519, new byte[64]));
        Assert.Throws<ArgumentException>(() => KeyPairs.FromSeed(KeyScheme.Sr25519, new byte[33]));
    }

    [Fact]
    public void Generated_phrase_round_trips_through_from_suri()
    {
        var phrase = Bip39.Generate(24);
        using var a = KeyPairs.FromSuri(phrase, KeyScheme.Sr25519);
        using var b = KeyPairs.FromSeed(KeyScheme.Sr25519, Bip39.ToMiniSecret(phrase));
        Assert.Equal(a.Pair.PublicKey, b.PublicKey);
        Assert.Equal(Bip39.ToMiniSecret(phrase), a.Seed);
    }
}
