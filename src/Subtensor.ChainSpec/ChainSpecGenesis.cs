using System.Text.Json;

namespace Subtensor.ChainSpec;

/// <summary>The <c>genesis</c> field of a chain spec in whichever form it was given.</summary>
public sealed class ChainSpecGenesis
{
    internal ChainSpecGenesis(GenesisFormat format)
    {
        Format = format;
    }

    public GenesisFormat Format { get; }

    /// <summary>The storage of a <see cref="GenesisFormat.Raw"/> genesis.</summary>
    public GenesisStorage? Raw { get; internal init; }

    /// <summary>The runtime code of a <see cref="GenesisFormat.RuntimeGenesis"/> genesis.</summary>
    public byte[]? Code { get; internal init; }

    /// <summary>The <c>config</c> or <c>patch</c> JSON of a <see cref="GenesisFormat.RuntimeGenesis"/> genesis.</summary>
    public JsonElement? RuntimeGenesisConfig { get; internal init; }

    /// <summary>True when <see cref="RuntimeGenesisConfig"/> is a patch over the runtime's default config.</summary>
    public bool IsPatch { get; internal init; }

    /// <summary>The bytes of a <see cref="GenesisFormat.StateRootHash"/> genesis.</summary>
    public byte[]? StateRootHash { get; internal init; }
}
