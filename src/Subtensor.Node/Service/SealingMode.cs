using System.Globalization;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Service;

/// <summary>The parsed <c>--sealing</c> value.</summary>
internal sealed record SealingMode(SealingKind Kind, int IntervalMs = 0)
{
    public static readonly SealingMode Aura = new(SealingKind.Aura);

    public static SealingMode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant() switch
        {
            "instant" => new SealingMode(SealingKind.Instant),
            "manual" => new SealingMode(SealingKind.Manual),
            _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms >= 100 => new SealingMode(SealingKind.Interval, ms),
            _ => throw new CliException($"invalid --sealing '{text}': expected instant, manual or an interval in milliseconds (>= 100)"),
        };
    }
}
