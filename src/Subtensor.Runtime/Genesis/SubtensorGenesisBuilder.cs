using System.Text.Json;
using Subtensor.ChainSpec;

namespace Subtensor.Runtime.Genesis;

/// <summary>The runtime's genesis builder as the chain-spec layer uses it (plain spec → storage).</summary>
public sealed class SubtensorGenesisBuilder : IRuntimeGenesisBuilder
{
    private readonly SubtensorRuntime _runtime;

    public SubtensorGenesisBuilder(SubtensorRuntime runtime)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
    }

    public GenesisStorage BuildStorage(byte[] code, JsonElement config, bool isPatch) =>
        SubtensorChainSpecs.BuildStorage(_runtime, code, config, isPatch);
}
