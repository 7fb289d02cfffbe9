using Subtensor.Storage;

namespace Subtensor.Storage.Tests.Chain;

public sealed class PruningModeTests
{
    [Theory]
    [InlineData("archive", PruningModeKind.Archive, 0u)]
    [InlineData("archive-canonical", PruningModeKind.ArchiveCanonical, 0u)]
    [InlineData("256", PruningModeKind.Constrained, 256u)]
    [InlineData("1", PruningModeKind.Constrained, 1u)]
    [InlineData(" 64 ", PruningModeKind.Constrained, 64u)]
    [InlineData("4294967295", PruningModeKind.Constrained, uint.MaxValue)]
    public void Valid_cli_values_parse(string text, PruningModeKind kind, uint blocks)
    {
        var mode = PruningMode.Parse(text);
        Assert.Equal(kind, mode.Kind);
        Assert.Equal(blocks, mode.Blocks);
        Assert.Equal(mode, PruningMode.Parse(mode.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("4294967296")]
    [InlineData("Archive")]
    [InlineData("archive_canonical")]
    [InlineData("12abc")]
    [InlineData("١٢")]
    public void Invalid_cli_values_are_rejected_with_what_is_accepted(string text)
    {
        var e = Assert.Throws<FormatException>(() => PruningMode.Parse(text));
        Assert.Contains("'archive', 'archive-canonical' or a number of blocks", e.Message, StringComparison.Ordinal);
        Assert.False(PruningMode.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_substrates()
    {
        Assert.Equal("256", PruningMode.DefaultState.ToString());
        Assert.Equal("archive-canonical", PruningMode.DefaultBlocks.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => PruningMode.KeepLast(0));
    }
}
