using Xunit.Abstractions;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>
/// Nodes of one multi-node test on the <c>local-fast</c> chain (Alice, Bob, Charlie, Dave; 250 ms slots) in a temporary directory that
/// holds their base paths and logs (kept when the test fails, for reading). Polls go through <see cref="WaitUntilAsync"/>: a condition
/// and a deadline, never a fixed sleep.
/// </summary>
internal sealed class TestNetwork : IAsyncDisposable
{
    public const string Chain = "local-fast";

    public static readonly string[] Validators = ["alice", "bob", "charlie", "dave"];

    private readonly ITestOutputHelper _output;
    private readonly List<NodeProcess> _nodes = [];
    private bool _keepFiles;

    public TestNetwork(ITestOutputHelper output, string name)
    {
        _output = output;
        Directory = System.IO.Directory.CreateTempSubdirectory($"subtensor-{name}-").FullName;
        _output.WriteLine($"network directory: {Directory}");
    }

    public string Directory { get; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    public NodeProcess this[string name] => _nodes.Single(n => n.Name == name);

    public string BasePathOf(string name) => Path.Combine(Directory, name);

    /// <summary>A fixed node key per name (Substrate's well-known key ...01 for the first), so peer ids are stable across restarts.</summary>
    public static string NodeKeyOf(string name)
    {
        var index = Array.IndexOf(Validators, name);
        return (index < 0 ? 0x40 + name.Length : index + 1).ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts a node; validators get <c>--&lt;name&gt;</c> (key, name, --validator).</summary>
    public async Task<NodeProcess> StartAsync(string name, IEnumerable<string>? extra = null, bool validator = true)
    {
        var args = new List<string> { "--chain", Chain, "--node-key", NodeKeyOf(name), "--name", name };
        if (validator)
        {
            args.Add("--" + name);
        }

        args.AddRange(extra ?? []);
        var node = await NodeProcess.StartAsync(name, BasePathOf(name), Directory, args).ConfigureAwait(false);
        _nodes.Add(node);
        _output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} started {name}: {node.P2pAddress}, rpc {node.RpcUri}");
        return node;
    }

    /// <summary>Polls <paramref name="condition"/> every 200 ms until it holds; fails with <paramref name="what"/> at the deadline.</summary>
    public async Task WaitUntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    _output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} ok: {what}");
                    return;
                }

                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                last = e;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        _keepFiles = true;
        var state = new List<string>();
        foreach (var node in _nodes.Where(n => !n.HasExited))
        {
            try
            {
                var best = await node.BestAsync().ConfigureAwait(false);
                var finalized = await node.FinalizedAsync().ConfigureAwait(false);
                state.Add($"{node.Name}: best #{best.Number}, finalized #{finalized.Number}, peers {await node.PeerCountAsync().ConfigureAwait(false)}");
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                state.Add($"{node.Name}: {e.Message}");
            }
        }

        throw new TimeoutException($"timed out after {timeout} waiting for: {what}{(last is null ? "" : $" (last error: {last.Message})")}\n"
            + string.Join('\n', state) + $"\nlogs in {Directory}");
    }

    public void KeepFiles() => _keepFiles = true;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        if (!_keepFiles)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
