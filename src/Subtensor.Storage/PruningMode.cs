using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Subtensor.Storage;

/// <summary>
/// A pruning policy as given on the command line: <c>archive</c>, <c>archive-canonical</c> or a number of blocks N ≥ 1
/// (Substrate's <c>--state-pruning</c> and <c>--blocks-pruning</c> values).
/// </summary>
public sealed record PruningMode
{
    private PruningMode(PruningModeKind kind, uint blocks)
    {
        Kind = kind;
        Blocks = blocks;
    }

    public PruningModeKind Kind { get; }

    /// <summary>For <see cref="PruningModeKind.Constrained"/>: how many finalized blocks keep their data; otherwise 0.</summary>
    public uint Blocks { get; }

    public static PruningMode Archive { get; } = new(PruningModeKind.Archive, 0);

    public static PruningMode ArchiveCanonical { get; } = new(PruningModeKind.ArchiveCanonical, 0);

    /// <summary>Substrate's default state pruning: the last 256 finalized blocks.</summary>
    public static PruningMode DefaultState { get; } = new(PruningModeKind.Constrained, 256);

    /// <summary>Substrate's default blocks pruning: keep every finalized block's body.</summary>
    public static PruningMode DefaultBlocks => ArchiveCanonical;

    public bool IsArchive => Kind == PruningModeKind.Archive;

    public static PruningMode KeepLast(uint blocks)
    {
        if (blocks == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), "a pruning window must keep at least 1 block");
        }

        return new PruningMode(PruningModeKind.Constrained, blocks);
    }

    /// <summary>Parses a command-line value; throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static PruningMode Parse(string value)
        => TryParse(value, out var mode, out var error) ? mode : throw new FormatException(error);

    public static bool TryParse(string? value, [NotNullWhen(true)] out PruningMode? mode, [NotNullWhen(false)] out string? error)
    {
        mode = null;
        var text = value?.Trim() ?? string.Empty;
        switch (text)
        {
            case "archive":
                mode = Archive;
                break;
            case "archive-canonical":
                mode = ArchiveCanonical;
                break;
            default:
                if (text.Length > 0 && text.All(char.IsAsciiDigit)
                    && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var blocks) && blocks > 0)
                {
                    mode = new PruningMode(PruningModeKind.Constrained, blocks);
                }

                break;
        }

        error = mode is null
            ? $"invalid pruning mode '{value}': expected 'archive', 'archive-canonical' or a number of blocks from 1 to {uint.MaxValue}"
            : null;
        return mode is not null;
    }

    /// <summary>The command-line form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        PruningModeKind.Archive => "archive",
        PruningModeKind.ArchiveCanonical => "archive-canonical",
        _ => Blocks.ToString(CultureInfo.InvariantCulture),
    };
}
