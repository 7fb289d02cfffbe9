using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Subtensor.Node.Commands;

/// <summary>
/// Progress of a long block operation on stderr: a Spectre.Console progress bar with the rate in blocks/s when stderr
/// is a terminal, otherwise a log line every 3 seconds — for imports in the form of Substrate's speedometer
/// (<c>📦 Current best block: N (x.x bps)</c>, sc-service <c>chain_ops::import_blocks</c>).
/// </summary>
internal sealed class BlockProgress
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(3);

    private readonly TextWriter _log;
    private readonly ProgressTask? _task;
    private readonly string _title;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLog;
    private ulong _lastLogged;

    private BlockProgress(TextWriter log, ProgressTask? task, string title)
    {
        _log = log;
        _task = task;
        _title = title;
    }

    /// <summary>Blocks processed so far.</summary>
    public ulong Processed { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Runs <paramref name="work"/> with progress reporting; <paramref name="total"/> is the expected block count when known.</summary>
    public static T Run<T>(string title, ulong? total, Func<BlockProgress, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var log = Console.Error;
        if (Console.IsErrorRedirected)
        {
            return work(new BlockProgress(log, null, title));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(log) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new BlocksPerSecondColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, autoStart: true, maxValue: total is > 0 ? total.Value : 1);
                task.IsIndeterminate = total is null;
                var progress = new BlockProgress(log, task, title);
                var result = work(progress);
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>One more block processed; <paramref name="best"/> is the best block number now.</summary>
    public void Advance(uint best)
    {
        Processed++;
        var now = _clock.Elapsed;
        if (_task is not null)
        {
            _task.Value = Processed;
            _task.Description = string.Create(CultureInfo.InvariantCulture, $"{_title} #{best}");
            var seconds = Math.Max(now.TotalSeconds, 0.001);
            _task.State.Update<double>("rate", _ => Processed / seconds);
            return;
        }

        if (now - _lastLog >= LogInterval)
        {
            var seconds = Math.Max((now - _lastLog).TotalSeconds, 0.001);
            var rate = (Processed - _lastLogged) / seconds;
            _log.WriteLine(_title == "Importing"
                ? string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:yyyy-MM-dd HH:mm:ss} 📦 Current best block: {best} ({rate,4:F1} bps)")
                : string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:yyyy-MM-dd HH:mm:ss} {_title} #{best} ({rate,4:F1} bps)"));
            _lastLog = now;
            _lastLogged = Processed;
        }
    }
}
