using Subtensor.Storage.Chain;

namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class RevertCommandTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (BlockRef Best, BlockRef Finalized) Open(string basePath)
    {
        using var db = ChainDatabase.Open(ChainTemplate.DatabasePath(basePath), new ChainDatabaseOptions());
        return (db.Best!.Value, db.Finalized!.Value);
    }

    [Fact]
    public void Revert_two_moves_best_back_by_two_and_an_import_reapplies_them()
    {
        var basePath = _dir.Sub("base");
        ChainTemplate.CopyTo(basePath);
        var export = _dir.Sub("blocks.bin");
        CommandAssert.Success(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", basePath, "--binary", export));

        var revert = CliHarness.Run("revert", "--chain", "dev", "--base-path", basePath, "2");
        CommandAssert.Success(revert);
        Assert.Equal(
            $"Reverted 2 blocks. Best: #4 ({ChainTemplate.Hashes[4]}), finalized: #2 ({ChainTemplate.Hashes[2]})",
            revert.Stdout.TrimEnd());
        Assert.Equal((new BlockRef(ChainTemplate.Hashes[4], 4), new BlockRef(ChainTemplate.Hashes[2], 2)), Open(basePath));

        var import = CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", basePath, "--binary", export);
        CommandAssert.Success(import);
        Assert.Contains("Imported 2 blocks (4 already known)", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(new BlockRef(ChainTemplate.Hashes[6], 6), Open(basePath).Best);
    }

    [Fact]
    public void Revert_never_crosses_finality()
    {
        var basePath = _dir.Sub("base");
        ChainTemplate.CopyTo(basePath);

        var revert = CliHarness.Run("revert", "--chain", "dev", "--base-path", basePath, "100");
        CommandAssert.Success(revert);
        Assert.StartsWith($"Reverted {ChainTemplate.Length - ChainTemplate.FinalizedNumber} blocks. Best: #2 ", revert.Stdout, StringComparison.Ordinal);
        Assert.Equal((new BlockRef(ChainTemplate.Hashes[2], 2), new BlockRef(ChainTemplate.Hashes[2], 2)), Open(basePath));

        var again = CliHarness.Run("revert", "--chain", "dev", "--base-path", basePath); // default 256
        CommandAssert.Success(again);
        Assert.StartsWith("There aren't any non-finalized blocks to revert.", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(new BlockRef(ChainTemplate.Hashes[2], 2), Open(basePath).Best);
    }

    [Fact]
    public void Bad_input_is_one_line()
    {
        CommandAssert.OneLineError(CliHarness.Run("revert", "--chain", "dev", "--base-path", _dir.Sub("none"), "2"), "no chain database");
        CommandAssert.OneLineError(CliHarness.Run("revert", "--chain", "dev", "--base-path", _dir.Sub("none"), "two"), "invalid number of blocks to revert 'two'");
        CommandAssert.OneLineError(CliHarness.Run("revert", "--chain", "dev", "--base-path", _dir.Sub("none"), "--state-pruning", "sometimes", "2"), "invalid --state-pruning 'sometimes'");
        Assert.False(Directory.Exists(_dir.Sub("none")));

        // a database in use (a running node) is refused, not waited for
        var basePath = _dir.Sub("base");
        ChainTemplate.CopyTo(basePath);
        using (ChainDatabase.Open(ChainTemplate.DatabasePath(basePath), new ChainDatabaseOptions()))
        {
            CommandAssert.OneLineError(CliHarness.Run("revert", "--chain", "dev", "--base-path", basePath, "2"), "cannot open the database");
        }

        Assert.Equal(new BlockRef(ChainTemplate.Hashes[6], 6), Open(basePath).Best);
    }
}
