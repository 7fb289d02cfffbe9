using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Subtensor.TestSupport;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>
/// A real <c>subtensor-node</c> process (the published binary, <c>artifacts/bin/subtensor-node</c> or <c>SUBTENSOR_NODE</c>) on loopback
/// ports the OS chooses: its log goes to a file and is searchable, its JSON-RPC is reached over HTTP.
/// </summary>
internal sealed partial class NodeProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly object _gate = new();
    private readonly List<string> _lines = [];
    private readonly StreamWriter _log;
    private Process _process = null!;

    private NodeProcess(string name, string basePath, string logPath, IReadOnlyList<string> args)
    {
        Name = name;
        BasePath = basePath;
        LogPath = logPath;
        Args = args;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }

    public string BasePath { get; }

    public string LogPath { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>The RPC endpoint (http://127.0.0.1:port/).</summary>
    public Uri RpcUri { get; private set; } = null!;

    /// <summary>The p2p listen address with its /p2p/ tail.</summary>
    public string P2pAddress { get; private set; } = null!;

    public string PeerId => P2pAddress[(P2pAddress.LastIndexOf('/') + 1)..];

    public bool HasExited => _process.HasExited;

    public static string BinaryPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("SUBTENSOR_NODE");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.Combine(TestVectors.RepositoryRoot, "artifacts", "bin", "subtensor-node") : fromEnv;
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"subtensor-node not found at {path}: run `dotnet publish src/Subtensor.Node -c Release -o artifacts/bin` (scripts/setup.sh does)");
        }
    }

    /// <summary>Starts a node and waits until its RPC server and p2p listener are up.</summary>
    public static async Task<NodeProcess> StartAsync(string name, string basePath, string logDirectory, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var all = new List<string>(args)
        {
            "--base-path", basePath,
            "--listen-addr", "/ip4/127.0.0.1/tcp/0",
            "--rpc-port", "0",
            "--rpc-methods", "unsafe",
            "--no-telemetry",
        };
        var node = new NodeProcess(name, basePath, Path.Combine(logDirectory, name + ".log"), all);
        await node.LaunchAsync(timeout ?? TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        return node;
    }

    /// <summary>Starts the same node again (same base path, key and arguments) after it stopped.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} is still running");
        }

        await LaunchAsync(timeout ?? TimeSpan.FromSeconds(90)).ConfigureAwait(false);
    }

    private async Task LaunchAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            _lines.Clear();
        }

        var info = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in Args)
        {
            info.ArgumentList.Add(arg);
        }

        _log.WriteLine($"==== {DateTime.Now:HH:mm:ss.fff} starting {Name}: subtensor-node {string.Join(' ', Args)}");
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => exited.TrySetResult();
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _exitedTask = exited.Task;

        var rpc = await WaitForLogAsync(RpcLine(), timeout).ConfigureAwait(false);
        RpcUri = new Uri($"http://127.0.0.1:{rpc.Groups[1].Value}/");
        var p2p = await WaitForLogAsync(ListenLine(), timeout).ConfigureAwait(false);
        P2pAddress = p2p.Groups[1].Value;
    }

    private Task _exitedTask = Task.CompletedTask;

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            _log.WriteLine(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits for a log line matching <paramref name="pattern"/> (since the last start).</summary>
    public async Task<Match> WaitForLogAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        while (true)
        {
            var lines = Lines;
            for (; seen < lines.Count; seen++)
            {
                var match = pattern.Match(lines[seen]);
                if (match.Success)
                {
                    return match;
                }
            }

            if (_process.HasExited && seen >= Lines.Count)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before logging /{pattern}/; log: {LogPath}\n{Tail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not log /{pattern}/ within {timeout}; log: {LogPath}\n{Tail()}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public string Tail(int count = 30)
    {
        var lines = Lines;
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));
    }

    public async Task<JsonNode?> RpcAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = method,
            ["params"] = new JsonArray([.. parameters.Select(p => p switch
            {
                null => null,
                JsonNode n => n,
                string s => JsonValue.Create(s),
                int i => JsonValue.Create(i),
                uint u => JsonValue.Create(u),
                bool b => JsonValue.Create(b),
                _ => throw new ArgumentException($"unsupported RPC parameter {p.GetType()}"),
            })]),
        };
        using var response = await Http.PostAsJsonAsync(RpcUri, request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"{Name}: {method} failed: {error.ToJsonString()}");
        }

        return body["result"];
    }

    public async Task<(uint Number, string Hash)> BestAsync()
    {
        var header = (await RpcAsync("chain_getHeader").ConfigureAwait(false))!;
        return (ParseNumber(header["number"]!), HashOfHeaderJson(header));
    }

    public async Task<(uint Number, string Hash)> FinalizedAsync()
    {
        var hash = (string)(await RpcAsync("chain_getFinalizedHead").ConfigureAwait(false))!;
        var header = (await RpcAsync("chain_getHeader", hash).ConfigureAwait(false))!;
        return (ParseNumber(header["number"]!), hash);
    }

    public async Task<string?> BlockHashAsync(uint number) => (string?)await RpcAsync("chain_getBlockHash", number).ConfigureAwait(false);

    public async Task<JsonNode?> HeaderAsync(string hash) => await RpcAsync("chain_getHeader", hash).ConfigureAwait(false);

    public async Task<int> PeerCountAsync() => (int)(await RpcAsync("system_health").ConfigureAwait(false))!["peers"]!;

    public static uint ParseNumber(JsonNode number) => uint.Parse(((string)number!)[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Blake2-256 of the SCALE header rebuilt from its JSON (the hash is not part of it).</summary>
    public static string HashOfHeaderJson(JsonNode header)
    {
        var parent = Core.Types.Hex.Parse((string)header["parentHash"]!);
        var number = ParseNumber(header["number"]!);
        var state = Core.Types.Hex.Parse((string)header["stateRoot"]!);
        var extrinsics = Core.Types.Hex.Parse((string)header["extrinsicsRoot"]!);
        var writer = new Core.Scale.ScaleWriter();
        writer.WriteBytes(parent);
        writer.WriteCompact(number);
        writer.WriteBytes(state);
        writer.WriteBytes(extrinsics);
        var logs = header["digest"]!["logs"]!.AsArray();
        writer.WriteCompact((uint)logs.Count);
        foreach (var log in logs)
        {
            writer.WriteBytes(Core.Types.Hex.Parse((string)log!));
        }

        return Core.Types.Hash256.Blake2(writer.ToArray()).ToString();
    }

    /// <summary>SIGKILL: the node dies without shutting down (a crash).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _exitedTask.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _log.WriteLine($"==== {DateTime.Now:HH:mm:ss.fff} killed {Name}");
    }

    /// <summary>SIGTERM and wait for a clean exit (SIGKILL after 20 s).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        try
        {
            await _exitedTask.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
            await _log.DisposeAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)")]
    private static partial Regex RpcLine();

    [GeneratedRegex(@"libp2p: listening on (/ip4/127\.0\.0\.1/tcp/\d+/p2p/\w+)")]
    private static partial Regex ListenLine();
}
