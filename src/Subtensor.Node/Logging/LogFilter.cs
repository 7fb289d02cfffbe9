using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Subtensor.Node.Logging;

/// <summary>
/// Substrate's <c>--log</c> syntax (<c>info,sync=debug,txpool=trace</c>): a bare level sets the default, each
/// <c>target=level</c> overrides a target. Targets are Substrate's names mapped to our namespaces, or any namespace.
/// </summary>
internal static class LogFilter
{
    private static readonly Dictionary<string, string[]> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["runtime"] = ["Subtensor.Runtime", "Subtensor.Economics"],
        ["txpool"] = ["Subtensor.TransactionPool", "Subtensor.Client.Pool"],
        ["rpc"] = ["Subtensor.Rpc"],
        ["jsonrpsee"] = ["Subtensor.Rpc"],
        // The network, sync and GRANDPA services log under the short contexts "network", "sync" and "grandpa".
        ["sync"] = ["Subtensor.Network.Sync", "sync"],
        ["sub-libp2p"] = ["Subtensor.Network", "network"],
        ["libp2p"] = ["Subtensor.Network", "network"],
        ["db"] = ["Subtensor.Storage"],
        ["state-db"] = ["Subtensor.Storage"],
        ["aura"] = ["Subtensor.Consensus.Aura"],
        ["grandpa"] = ["Subtensor.Consensus.Grandpa", "Subtensor.Node.Finality", "grandpa"],
        ["afg"] = ["Subtensor.Consensus.Grandpa", "Subtensor.Node.Finality", "grandpa"],
        ["consensus"] = ["Subtensor.Consensus"],
        ["import"] = ["Subtensor.Client.Blockchain"],
        ["client"] = ["Subtensor.Client"],
        ["basic-authorship"] = ["Subtensor.Client.Authoring"],
        ["service"] = ["Subtensor.Node"],
    };

    /// <summary>Parses the directives; throws <see cref="FormatException"/> naming a bad one.</summary>
    public static (LogEventLevel Default, Dictionary<string, LogEventLevel> Overrides) Parse(IEnumerable<string> directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        var level = LogEventLevel.Information;
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        foreach (var directive in directives.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = directive.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                level = ParseLevel(directive);
                continue;
            }

            var target = directive[..eq];
            var targetLevel = ParseLevel(directive[(eq + 1)..]);
            var namespaces = Targets.TryGetValue(target, out var mapped) ? mapped : [target];
            foreach (var ns in namespaces)
            {
                overrides[ns] = targetLevel;
            }
        }

        return (level, overrides);
    }

    public static Logger CreateLogger(IEnumerable<string> directives, bool color = true)
    {
        var (level, overrides) = Parse(directives);
        var config = new LoggerConfiguration().MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning);
        foreach (var (ns, l) in overrides)
        {
            config = config.MinimumLevel.Override(ns, l);
        }

        // Logs go to stderr, as Substrate's do, so command output on stdout stays clean.
        return config.WriteTo.Console(
            outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u4} {Message:lj}{NewLine}{Exception}",
            standardErrorFromLevel: LogEventLevel.Verbose,
            theme: color ? Serilog.Sinks.SystemConsole.Themes.AnsiConsoleTheme.Code : Serilog.Sinks.SystemConsole.Themes.ConsoleTheme.None).CreateLogger();
    }

    private static LogEventLevel ParseLevel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "info" => LogEventLevel.Information,
        "warn" or "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "off" or "none" => LogEventLevel.Fatal,
        _ => throw new FormatException($"invalid log level '{text}': expected trace, debug, info, warn, error or off"),
    };
}
