using System.Text;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Tests.Identity;

public sealed class NodeKeyTests : IDisposable
{
    private const string AliceSecret = "0000000000000000000000000000000000000000000000000000000000000001";
    private const string AlicePeerId = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "subtensor-nodekey-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Parses_hex_with_or_without_prefix()
    {
        Assert.Equal(AlicePeerId, NodeKey.ParseHex(AliceSecret).PeerId.ToString());
        Assert.Equal(AlicePeerId, NodeKey.ParseHex("0x" + AliceSecret).PeerId.ToString());
        Assert.Throws<FormatException>(() => NodeKey.ParseHex("01"));
        Assert.Throws<FormatException>(() => NodeKey.ParseHex(new string('z', 64)));
    }

    [Fact]
    public void Loads_raw_and_hex_secret_files()
    {
        Directory.CreateDirectory(_dir);
        var raw = Path.Combine(_dir, "raw");
        File.WriteAllBytes(raw, Convert.FromHexString(AliceSecret));
        Assert.Equal(AlicePeerId, NodeKey.Load(raw).PeerId.ToString());

        var hex = Path.Combine(_dir, "hex");
        File.WriteAllText(hex, AliceSecret + "\n", Encoding.ASCII);
        Assert.Equal(AlicePeerId, NodeKey.Load(hex).PeerId.ToString());

        var bad = Path.Combine(_dir, "bad");
        File.WriteAllBytes(bad, new byte[31]);
        Assert.Throws<FormatException>(() => NodeKey.Load(bad));
    }

    [Fact]
    public void Generates_a_32_byte_secret_file_when_absent_and_reuses_it()
    {
        var path = Path.Combine(_dir, "network", NodeKey.SecretFileName);
        var first = NodeKey.LoadOrGenerate(path);
        Assert.Equal(32, new FileInfo(path).Length);
        Assert.Equal(first.Secret.ToArray(), File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var second = NodeKey.LoadOrGenerate(path);
        Assert.Equal(first.PeerId, second.PeerId);
        Assert.NotEqual(first.PeerId, NodeKey.Generate().PeerId);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
