using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class Bip39Tests
{
    [Theory]
    // substrate-bip39 test vectors (password "Substrate"): phrase, entropy, 64-byte seed.
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "00000000000000000000000000000000", "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453")]
    [InlineData("legal winner thank year wave sausage worth useful legal winner thank yellow", "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "4313249608fe8ac10fd5886c92c4579007272cb77c21551ee5b8d60b780416850f1e26c1f4b8d88ece681cb058ab66d6182bc2ce5a03181f7b74c27576b5c8bf")]
    [InlineData("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong", "ffffffffffffffffffffffffffffffff", "227d6256fd4f9ccaf06c45eaa4b2345969640462bbb00c5f51f43cb43418c7a753265f9b1e0c0822c155a9cabc769413ecc14553e135fe140fc50b6722c6b9df")]
    [InlineData("legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will", "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "cb1d50e14101024a88905a098feb1553d4306d072d7460e167a60ccb3439a6817a0afc59060f45d999ddebc05308714733c9e1e84f30feccddd4ad6f95c8a445")]
    [InlineData("letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless", "8080808080808080808080808080808080808080808080808080808080808080", "2c9c6144a06ae5a855453d98c3dea470e2a8ffb78179c2e9eb15208ccca7d831c97ddafe844ab933131e6eb895f675ede2f4e39837bb5769d4e2bc11df58ac42")]
    [InlineData("ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic", "9e885d952ad362caeb4efe34a8e91bd2", "f4956be6960bc145cdab782e649a5056598fd07cd3f32ceb73421c3da27833241324dc2c8b0a4d847eee457e6d4c5429f5e625ece22abaa6a976e82f1ec5531d")]
    public void Substrate_bip39_vectors(string phrase, string entropy, string seed)
    {
        Assert.Equal(entropy, Convert.ToHexStringLower(Bip39.ToEntropy(phrase)));
        Assert.Equal(phrase, Bip39.FromEntropy(Convert.FromHexString(entropy)));
        Assert.Equal(seed, Convert.ToHexStringLower(Bip39.ToSeed(phrase, "Substrate")));
        Assert.Equal(seed[..64], Convert.ToHexStringLower(Bip39.ToMiniSecret(phrase, "Substrate")));
        Assert.True(Bip39.IsValid(phrase));
    }

    [Fact]
    public void Dev_phrase_mini_secret()
    {
        Assert.Equal(DevKeys.Root.GetProperty("dev_mini_secret").GetString(), Hex.ToHex(Bip39.ToMiniSecret(SecretUri.DevPhrase)));

        // @polkadot/util-crypto mnemonicToMiniSecret(dev phrase, "password")
        Assert.Equal("0x7093ab08d7abbb67ff41479a98ef998e4be773901f13668a012f51d207577a88", Hex.ToHex(Bip39.ToMiniSecret(SecretUri.DevPhrase, "password")));
    }

    [Fact]
    public void Rejections()
    {
        // wrong last word → checksum
        Assert.Contains("checksum", Assert.Throws<Bip39Exception>(() => Bip39.ToEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon")).Message, StringComparison.Ordinal);
        Assert.Contains("word 3", Assert.Throws<Bip39Exception>(() => Bip39.ToEntropy("abandon abandon abandonn abandon abandon abandon abandon abandon abandon abandon abandon about")).Message, StringComparison.Ordinal);
        Assert.Contains("13 words", Assert.Throws<Bip39Exception>(() => Bip39.ToEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")).Message, StringComparison.Ordinal);
        Assert.False(Bip39.IsValid("Abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
        Assert.False(Bip39.IsValid(string.Empty));
        Assert.True(Bip39.IsValid("  abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon   about "));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void Generated_phrases_are_valid_and_fresh(int words)
    {
        var a = Bip39.Generate(words);
        var b = Bip39.Generate(words);
        Assert.Equal(words, a.Split(' ').Length);
        Assert.True(Bip39.IsValid(a));
        Assert.NotEqual(a, b);
        Assert.Equal(words * 4 / 3, Bip39.ToEntropy(a).Length);
    }

    [Fact]
    public void Generate_refuses_other_word_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bip39.Generate(13));
        Assert.Equal(Bip39.FromEntropy(new byte[16]), Bip39.Generate(12, new FixedRandom(0)));
    }
}
