using System.CommandLine;
using System.Runtime.InteropServices;
using Serilog;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Node.Logging;
using Subtensor.Node.Service;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Server;
using Subtensor.Runtime;
using Subtensor.Storage;
using Subtensor.Storage.Chain;
using Subtensor.TransactionPool;

namespace Subtensor.Node.Cli;

/// <summary>The root command: run a node, with Substrate's flag names and meanings.</summary>
internal sealed class RunCommand
{
    private static readonly string[] DevAccounts = ["alice", "bob", "charlie", "dave", "eve", "ferdie", "one", "two"];

    private readonly ChainOptions _chain = new();
    private readonly Option<string?> _name = new("--name") { Description = "human-readable name of this node" };
    private readonly Option<bool> _validator = new("--validator") { Description = "author blocks (and vote on finality) with the keys in the keystore" };
    private readonly Dictionary<string, Option<bool>> _devAccounts = DevAccounts.ToDictionary(a => a, a => new Option<bool>("--" + a)
    {
        Description = $"shortcut for --name {char.ToUpperInvariant(a[0])}{a[1..]} --validator with //{char.ToUpperInvariant(a[0])}{a[1..]} added to the keystore",
    });

    private readonly Option<int?> _port = new("--port") { Description = "p2p TCP port (default 30333); ignored when --listen-addr is given" };
    private readonly Option<string[]> _listenAddr = Multi("--listen-addr", "p2p listen multiaddrs, e.g. /ip4/0.0.0.0/tcp/30333 (default: /ip4/0.0.0.0 and /ip6/:: on --port)");
    private readonly Option<string[]> _publicAddr = Multi("--public-addr", "multiaddrs announced to peers besides the listen addresses");
    private readonly Option<string[]> _bootnodes = Multi("--bootnodes", "bootnode multiaddrs ending in /p2p/<peer id>, added to the chain spec's bootNodes");
    private readonly Option<string[]> _reservedNodes = Multi("--reserved-nodes", "peers to stay connected to, outside the slots: multiaddrs ending in /p2p/<peer id>");
    private readonly Option<bool> _reservedOnly = new("--reserved-only") { Description = "connect to (and accept) reserved nodes only" };
    private readonly Option<int> _inPeers = new("--in-peers") { Description = "inbound peer slots", DefaultValueFactory = _ => 32 };
    private readonly Option<int> _outPeers = new("--out-peers") { Description = "outbound peer slots", DefaultValueFactory = _ => 8 };
    private readonly Option<string?> _nodeKey = new("--node-key") { Description = "the libp2p secret key: 64 hex digits (ed25519 seed)" };
    private readonly Option<string?> _nodeKeyFile = new("--node-key-file") { Description = "file holding the libp2p secret key (32 raw bytes or 64 hex digits; created when absent)" };
    private readonly Option<string> _sync = new("--sync") { Description = "sync mode: full (warp, fast and fast-unsafe are not supported yet)", DefaultValueFactory = _ => "full" };
    private readonly Option<int> _rpcPort = new("--rpc-port") { Description = "JSON-RPC (HTTP and WebSocket) port", DefaultValueFactory = _ => 9944 };
    private readonly Option<bool> _rpcExternal = new("--rpc-external") { Description = "listen for RPC on all interfaces (unsafe methods then default to off)" };
    private readonly Option<bool> _unsafeRpcExternal = new("--unsafe-rpc-external") { Description = "listen on all interfaces and expose unsafe methods" };
    private readonly Option<string?> _rpcCors = new("--rpc-cors") { Description = "allowed browser origins: 'all' or a comma-separated list" };
    private readonly Option<string> _rpcMethods = new Option<string>("--rpc-methods") { Description = "which RPC methods to expose: auto, safe or unsafe", DefaultValueFactory = _ => "auto" }.FromAmong("auto", "safe", "unsafe");
    private readonly Option<int> _rpcMaxConnections = new("--rpc-max-connections") { Description = "maximum RPC connections", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _rpcMaxRequestSize = new("--rpc-max-request-size") { Description = "maximum RPC request size in MiB", DefaultValueFactory = _ => 15 };
    private readonly Option<int> _rpcMaxResponseSize = new("--rpc-max-response-size") { Description = "maximum RPC response size in MiB", DefaultValueFactory = _ => 15 };
    private readonly Option<int> _rpcMaxSubscriptions = new("--rpc-max-subscriptions-per-connection") { Description = "maximum subscriptions per connection", DefaultValueFactory = _ => 1024 };
    private readonly Option<string?> _statePruning = new("--state-pruning") { Description = "archive, archive-canonical or a number of blocks (default 256)" };
    private readonly Option<string?> _blocksPruning = new("--blocks-pruning") { Description = "archive, archive-canonical (default) or a number of blocks" };
    private readonly Option<string[]> _log = new("--log", "-l") { Description = "log directives: a level and/or target=level pairs (e.g. info,txpool=debug)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _sealing = new("--sealing") { Description = "dev chains only: instant (default with --dev), manual, or an interval in milliseconds" };
    private readonly Option<bool> _noTelemetry = new("--no-telemetry") { Description = "disable telemetry (telemetry is not implemented; accepted for compatibility)" };
    private readonly Option<int> _poolLimit = new("--pool-limit") { Description = "maximum number of transactions in the pool", DefaultValueFactory = _ => 8192 };
    private readonly Option<int> _poolKbytes = new("--pool-kbytes") { Description = "maximum size of the pool in KiB", DefaultValueFactory = _ => 20480 };
    private readonly Option<int> _txBanSeconds = new("--tx-ban-seconds") { Description = "how long removed transactions stay banned", DefaultValueFactory = _ => 1800 };

    public void AddTo(RootCommand root)
    {
        _chain.AddTo(root);
        foreach (var option in new Option[]
                 {
                     _name, _validator, _port, _listenAddr, _publicAddr, _bootnodes, _reservedNodes, _reservedOnly, _inPeers, _outPeers, _nodeKey,
                     _nodeKeyFile, _sync, _rpcPort, _rpcExternal, _unsafeRpcExternal, _rpcCors, _rpcMethods, _rpcMaxConnections,
                     _rpcMaxRequestSize, _rpcMaxResponseSize, _rpcMaxSubscriptions, _statePruning, _blocksPruning, _log, _sealing,
                     _noTelemetry, _poolLimit, _poolKbytes, _txBanSeconds,
                 })
        {
            root.Options.Add(option);
        }

        foreach (var option in _devAccounts.Values)
        {
            root.Options.Add(option);
        }

        root.SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var config = Resolve(parse);
        using var logger = LogFilter.CreateLogger(parse.GetValue(_log) ?? [], color: !Console.IsErrorRedirected);
        Log.Logger = logger;
        try
        {
            return RunAsync(config).GetAwaiter().GetResult();
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }

    private static async Task<int> RunAsync(NodeConfiguration config)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var service = new NodeService(config);
        try
        {
            await service.StartAsync(stop.Token).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log.Information("Shutting down");
            }

            return 0;
        }
        finally
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal NodeConfiguration Resolve(ParseResult parse)
    {
        var runtime = new SubtensorRuntime();
        var dev = parse.GetValue(_chain.Dev);
        var spec = _chain.ResolveSpec(parse, runtime);
        var (basePath, temporary) = _chain.ResolveBasePath(parse);
        var devSeeds = DevAccounts.Where(a => parse.GetValue(_devAccounts[a])).Select(Capitalize).ToList();
        if (dev && devSeeds.Count == 0)
        {
            devSeeds.Add("Alice");
        }

        var sealingText = parse.GetValue(_sealing);
        if (sealingText is not null && !dev)
        {
            throw new CliException("--sealing is only available with --dev");
        }

        var sealing = sealingText is not null ? SealingMode.Parse(sealingText) : dev ? new SealingMode(SealingKind.Instant) : SealingMode.Aura;
        var external = parse.GetValue(_rpcExternal) || parse.GetValue(_unsafeRpcExternal);
        var methods = parse.GetValue(_unsafeRpcExternal) ? RpcMethodsMode.Unsafe : parse.GetValue(_rpcMethods) switch
        {
            "safe" => RpcMethodsMode.Safe,
            "unsafe" => RpcMethodsMode.Unsafe,
            _ => RpcMethodsMode.Auto,
        };
        var cors = parse.GetValue(_rpcCors);
        var rpc = new RpcServerOptions
        {
            Port = CheckPort(parse.GetValue(_rpcPort), "--rpc-port"),
            External = external,
            Methods = methods,
            CorsAll = cors is "all" || (cors is null && dev),
            CorsOrigins = cors is null or "all" ? null : cors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            MaxConnections = Positive(parse.GetValue(_rpcMaxConnections), "--rpc-max-connections"),
            MaxRequestSize = Positive(parse.GetValue(_rpcMaxRequestSize), "--rpc-max-request-size") * 1024 * 1024,
            MaxResponseSize = Positive(parse.GetValue(_rpcMaxResponseSize), "--rpc-max-response-size") * 1024 * 1024,
            MaxSubscriptionsPerConnection = Positive(parse.GetValue(_rpcMaxSubscriptions), "--rpc-max-subscriptions-per-connection"),
        };
        _ = LogFilter.Parse(parse.GetValue(_log) ?? []);
        var network = ResolveNetwork(parse, spec, dev);

        // Without explicit flags an existing database keeps the pruning modes it was created with, as in Substrate.
        var stored = temporary ? null : ChainDatabase.ReadPruningModes(ChainOptions.DatabasePath(basePath, spec));
        return new NodeConfiguration
        {
            Spec = spec,
            BasePath = basePath,
            DeleteBasePathOnExit = temporary,
            NodeName = parse.GetValue(_name) ?? (devSeeds.Count > 0 ? devSeeds[0] : "subtensor-node-" + Environment.MachineName.ToLowerInvariant()),
            IsValidator = dev || parse.GetValue(_validator) || devSeeds.Count > 0,
            DevKeySeeds = devSeeds,
            Sealing = sealing,
            InstantFinality = dev,
            StatePruning = ParsePruning(parse.GetValue(_statePruning), "--state-pruning", stored?.State ?? PruningMode.DefaultState),
            BlocksPruning = ParsePruning(parse.GetValue(_blocksPruning), "--blocks-pruning", stored?.Blocks ?? PruningMode.DefaultBlocks),
            Rpc = rpc,
            Pool = new TransactionPoolOptions
            {
                ReadyCountLimit = Positive(parse.GetValue(_poolLimit), "--pool-limit"),
                ReadyBytesLimit = Positive(parse.GetValue(_poolKbytes), "--pool-kbytes") * 1024L,
                BanTime = TimeSpan.FromSeconds(Positive(parse.GetValue(_txBanSeconds), "--tx-ban-seconds")),
                RevalidationBatch = 512,
            },
            P2pPort = network.Port,
            IsDev = dev,
            Network = network,
            GrandpaEnabled = !dev,
        };
    }

    private NodeNetworkOptions ResolveNetwork(ParseResult parse, ChainSpec.ChainSpec spec, bool dev)
    {
        var syncMode = parse.GetValue(_sync)!.ToLowerInvariant();
        if (syncMode != "full")
        {
            throw new CliException(syncMode is "warp" or "fast" or "fast-unsafe"
                ? $"--sync {syncMode} is not supported yet; use --sync full"
                : $"invalid --sync '{syncMode}': expected full, fast, fast-unsafe or warp");
        }

        var port = parse.GetValue(_port);
        var listen = ParseAddresses(parse.GetValue(_listenAddr), "--listen-addr", needPeerId: false);
        foreach (var address in listen)
        {
            if (address.Components.Count != 2 || address.Components[0].Protocol is not (MultiaddrProtocol.Ip4 or MultiaddrProtocol.Ip6)
                || address.Components[1].Protocol != MultiaddrProtocol.Tcp)
            {
                throw new CliException($"invalid --listen-addr '{address}': expected /ip4/<address>/tcp/<port> or /ip6/<address>/tcp/<port>");
            }
        }

        var bootnodes = ParseAddresses(spec.BootNodes.ToArray(), "chain spec bootNodes", needPeerId: true, skipInvalid: true)
            .Concat(ParseAddresses(parse.GetValue(_bootnodes), "--bootnodes", needPeerId: true)).Distinct().ToList();
        var nodeKeyHex = parse.GetValue(_nodeKey);
        if (nodeKeyHex is not null)
        {
            try
            {
                _ = NodeKey.ParseHex(nodeKeyHex);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new CliException($"invalid --node-key: {e.Message}");
            }
        }

        var nodeKeyFile = parse.GetValue(_nodeKeyFile);
        if (nodeKeyHex is not null && nodeKeyFile is not null)
        {
            throw new CliException("--node-key and --node-key-file are mutually exclusive");
        }

        return new NodeNetworkOptions
        {
            Port = CheckPort(port ?? 30333, "--port"),
            PortIsDefault = port is null && listen.Count == 0,
            ListenAddresses = listen,
            PublicAddresses = ParseAddresses(parse.GetValue(_publicAddr), "--public-addr", needPeerId: false),
            Bootnodes = bootnodes,
            ReservedNodes = ParseAddresses(parse.GetValue(_reservedNodes), "--reserved-nodes", needPeerId: true),
            ReservedOnly = parse.GetValue(_reservedOnly),
            InPeers = NonNegative(parse.GetValue(_inPeers), "--in-peers"),
            OutPeers = NonNegative(parse.GetValue(_outPeers), "--out-peers"),
            NodeKeyHex = nodeKeyHex,
            NodeKeyFile = nodeKeyFile,
            AllowPortFallback = dev,
        };
    }

    private static List<Multiaddr> ParseAddresses(string[]? values, string flag, bool needPeerId, bool skipInvalid = false)
    {
        var result = new List<Multiaddr>();
        foreach (var text in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Multiaddr.TryParse(text, out var address) || address is null)
            {
                if (skipInvalid)
                {
                    continue;
                }

                throw new CliException($"invalid {flag} '{text}': not a multiaddr");
            }

            if (needPeerId && address.PeerId is null)
            {
                if (skipInvalid)
                {
                    continue;
                }

                throw new CliException($"invalid {flag} '{text}': the address must end in /p2p/<peer id>");
            }

            result.Add(address);
        }

        return result;
    }

    private static Option<string[]> Multi(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    private static int NonNegative(int value, string flag)
        => value >= 0 ? value : throw new CliException($"invalid {flag} {value}: must not be negative");

    private static PruningMode ParsePruning(string? text, string flag, PruningMode fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return PruningMode.TryParse(text, out var mode, out var error) ? mode : throw new CliException($"invalid {flag} '{text}': {error}");
    }

    private static int CheckPort(int port, string flag)
        => port is >= 0 and <= 65535 ? port : throw new CliException($"invalid {flag} {port}: expected 0..65535");

    private static int Positive(int value, string flag)
        => value > 0 ? value : throw new CliException($"invalid {flag} {value}: must be positive");

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
