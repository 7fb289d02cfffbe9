namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class PurgeChainCommandTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string BasePath, string Db, string Keystore) Base()
    {
        var path = _dir.Sub("base");
        ChainTemplate.CopyTo(path);
        var keystore = Path.Combine(path, "chains", "bittensor", "keystore");
        Directory.CreateDirectory(keystore);
        return (path, Path.Combine(path, "chains", "bittensor", "db"), keystore);
    }

    [Fact]
    public void Purge_with_y_removes_the_database_and_keeps_the_keystore()
    {
        var (basePath, db, keystore) = Base();
        var run = CliHarness.Run("purge-chain", "-y", "--chain", "dev", "--base-path", basePath);
        CommandAssert.Success(run);
        Assert.Equal($"\"{db}\" removed.", run.Stdout.TrimEnd());
        Assert.False(Directory.Exists(db));
        Assert.True(Directory.Exists(keystore));

        var again = CliHarness.Run("purge-chain", "-y", "--chain", "dev", "--base-path", basePath);
        CommandAssert.Success(again);
        Assert.Equal($"\"{db}\" did not exist.", again.Stderr.TrimEnd());
    }

    [Fact]
    public void The_prompt_removes_only_on_yes()
    {
        var (basePath, db, _) = Base();
        var no = CliHarness.RunWithInput("n\n", "purge-chain", "--chain", "dev", "--base-path", basePath);
        CommandAssert.Success(no);
        Assert.Equal($"Are you sure to remove \"{db}\"? [y/N]: Aborted", no.Stdout.TrimEnd());
        Assert.True(Directory.Exists(db));

        var empty = CliHarness.RunWithInput("", "purge-chain", "--chain", "dev", "--base-path", basePath);
        Assert.EndsWith("Aborted", empty.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.True(Directory.Exists(db));

        var yes = CliHarness.RunWithInput("Y\n", "purge-chain", "--chain", "dev", "--base-path", basePath);
        CommandAssert.Success(yes);
        Assert.EndsWith($"\"{db}\" removed.", yes.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(db));
    }

    [Fact]
    public void A_missing_chain_is_a_one_line_error()
    {
        CommandAssert.OneLineError(CliHarness.Run("purge-chain", "-y", "--base-path", _dir.Path), "no chain given");
        CommandAssert.OneLineError(CliHarness.Run("purge-chain", "-y", "--chain", _dir.Sub("nope.json"), "--base-path", _dir.Path), "neither a built-in chain");
    }
}
