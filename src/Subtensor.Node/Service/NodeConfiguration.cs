using Subtensor.Rpc.Server;
using Subtensor.Storage;
using Subtensor.TransactionPool;

namespace Subtensor.Node.Service;

/// <summary>Everything the node service needs, resolved from the command line.</summary>
internal sealed record NodeConfiguration
{
    public required ChainSpec.ChainSpec Spec { get; init; }

    public required string BasePath { get; init; }

    public bool DeleteBasePathOnExit { get; init; }

    public required string NodeName { get; init; }

    public bool IsValidator { get; init; }

    /// <summary>Dev seeds (Alice, Bob, …) whose aura and grandpa keys go into the keystore at start.</summary>
    public IReadOnlyList<string> DevKeySeeds { get; init; } = [];

    public SealingMode Sealing { get; init; } = SealingMode.Aura;

    /// <summary>Every imported best block is final at once (dev chains without a finality gadget).</summary>
    public bool InstantFinality { get; init; }

    public PruningMode StatePruning { get; init; } = PruningMode.DefaultState;

    public PruningMode BlocksPruning { get; init; } = PruningMode.DefaultBlocks;

    public required RpcServerOptions Rpc { get; init; }

    public bool RpcDisabled { get; init; }

    public TransactionPoolOptions Pool { get; init; } = new();

    public int P2pPort { get; init; } = 30333;

    /// <summary>Started with <c>--dev</c>: instant finality, no GRANDPA, no peers expected.</summary>
    public bool IsDev { get; init; }

    /// <summary>Peers, addresses, slots and the node key (--bootnodes, --reserved-nodes, --listen-addr, --node-key, …).</summary>
    public NodeNetworkOptions Network { get; init; } = new();

    /// <summary>Run the GRANDPA gadget (every chain except dev chains, which finalize instantly).</summary>
    public bool GrandpaEnabled { get; init; }

    public string ChainDirectory => Path.Combine(BasePath, "chains", Spec.Id);

    public string DatabasePath => Path.Combine(ChainDirectory, "db", "full");

    public string KeystorePath => Path.Combine(ChainDirectory, "keystore");

    public string NetworkKeyPath => Path.Combine(ChainDirectory, "network", "secret_ed25519");
}
