using System.Text.Json;
using Subtensor.TestSupport;

namespace Subtensor.Node.Tests;

[Collection("Console")]
public class KeyCommandTests
{
    [Fact]
    public void Inspect_alice_prints_subkey_fields()
    {
        var (code, stdout, stderr) = CliHarness.Run("key", "inspect", "//Alice");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("SS58 Address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", stdout, StringComparison.Ordinal);
        Assert.Contains("Secret seed:       0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_json_matches_the_dev_key_vectors_for_every_dev_account_and_scheme()
    {
        using var vectors = TestVectors.Json("dev_keys.json");
        foreach (var account in vectors.RootElement.GetProperty("accounts").EnumerateObject())
        {
            foreach (var scheme in new[] { "sr25519", "ed25519" })
            {
                var (code, stdout, _) = CliHarness.Run("key", "inspect", "//" + account.Name, "--scheme", scheme, "--output-type", "json");
                Assert.Equal(0, code);
                using var json = JsonDocument.Parse(stdout);
                var expected = account.Value.GetProperty(scheme);
                Assert.Equal(expected.GetProperty("public").GetString(), json.RootElement.GetProperty("publicKey").GetString());
                Assert.Equal(expected.GetProperty("ss58_42").GetString(), json.RootElement.GetProperty("ss58Address").GetString());
                Assert.Equal("//" + account.Name, json.RootElement.GetProperty("secretKeyUri").GetString());
                foreach (var field in new[] { "secretSeed", "accountId", "ss58PublicKey", "networkId" })
                {
                    Assert.True(json.RootElement.TryGetProperty(field, out _), field);
                }

                var (code0, stdout0, _) = CliHarness.Run("key", "inspect", "//" + account.Name, "--scheme", scheme, "--network", "0", "--output-type", "json");
                Assert.Equal(0, code0);
                using var json0 = JsonDocument.Parse(stdout0);
                Assert.Equal(expected.GetProperty("ss58_0").GetString(), json0.RootElement.GetProperty("ss58Address").GetString());
            }
        }
    }

    [Fact]
    public void Inspect_public_address_and_hex()
    {
        var (code, stdout, _) = CliHarness.Run("key", "inspect", "--public", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        Assert.Equal(0, code);
        Assert.Contains("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", stdout, StringComparison.Ordinal);
        var (code2, stdout2, _) = CliHarness.Run("key", "inspect", "--public", "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "--network", "polkadot");
        Assert.Equal(0, code2);
        Assert.Contains("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", stdout2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key", "inspect", "not a valid phrase at all")]
    [InlineData("key", "inspect", "//Alice/soft", "--scheme", "ed25519")]
    [InlineData("key", "inspect", "--public", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")]
    [InlineData("key", "inspect", "--public", "0xabc")]
    [InlineData("key", "inspect", "0x1234")]
    [InlineData("key", "sign", "--suri", "//Alice", "--message", "zz", "--hex")]
    [InlineData("key", "verify", "00", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "--message", "hi")]
    [InlineData("key", "generate", "--words", "13")]
    [InlineData("key", "inspect", "//Alice", "--network", "99999")]
    [InlineData("key", "inspect", "//Alice", "--frobnicate")]
    [InlineData("key", "inspect-node-key", "--file", "/nonexistent/key")]
    public void Bad_input_is_one_line_and_exit_code_1(params string[] args)
    {
        var (code, stdout, stderr) = CliHarness.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("Error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.]+\(", stderr);
    }

    [Fact]
    public void Sign_then_verify_round_trip_for_each_scheme_and_tamper_fails()
    {
        foreach (var scheme in new[] { "sr25519", "ed25519", "ecdsa" })
        {
            var (code, sig, _) = CliHarness.Run("key", "sign", "--suri", "//Bob", "--message", "0xdeadbeef", "--hex", "--scheme", scheme);
            Assert.Equal(0, code);
            sig = sig.Trim();
            var (_, inspect, _) = CliHarness.Run("key", "inspect", "//Bob", "--scheme", scheme, "--output-type", "json");
            var publicKey = JsonDocument.Parse(inspect).RootElement.GetProperty("publicKey").GetString()!;
            Assert.Equal(0, CliHarness.Run("key", "verify", sig, publicKey, "--message", "0xdeadbeef", "--hex", "--scheme", scheme).ExitCode);
            Assert.Equal(1, CliHarness.Run("key", "verify", sig, publicKey, "--message", "0xdeadbeee", "--hex", "--scheme", scheme).ExitCode);
        }
    }

    [Fact]
    public void Generate_json_round_trips_through_inspect()
    {
        var (code, stdout, _) = CliHarness.Run("key", "generate", "--words", "24", "--output-type", "json", "--scheme", "ed25519");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var phrase = json.RootElement.GetProperty("secretPhrase").GetString()!;
        Assert.Equal(24, phrase.Split(' ').Length);
        var (_, again, _) = CliHarness.Run("key", "inspect", phrase, "--scheme", "ed25519", "--output-type", "json");
        Assert.Equal(json.RootElement.GetProperty("ss58Address").GetString(), JsonDocument.Parse(again).RootElement.GetProperty("ss58Address").GetString());
    }

    [Fact]
    public void Node_key_file_round_trip()
    {
        var dir = Directory.CreateTempSubdirectory("nodekey");
        try
        {
            var path = Path.Combine(dir.FullName, "secret_ed25519");
            var (code, _, peerId) = CliHarness.Run("key", "generate-node-key", "--file", path);
            Assert.Equal(0, code);
            Assert.StartsWith("12D3KooW", peerId.Trim(), StringComparison.Ordinal);
            var (code2, inspected, _) = CliHarness.Run("key", "inspect-node-key", "--file", path);
            Assert.Equal(0, code2);
            Assert.Equal(peerId.Trim(), inspected.Trim());
            Assert.Equal(1, CliHarness.Run("key", "generate-node-key", "--file", path).ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
