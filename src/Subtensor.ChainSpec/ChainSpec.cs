using Subtensor.Core.Types;

namespace Subtensor.ChainSpec;

/// <summary>
/// A Substrate JSON chain spec (<c>sc_chain_spec::ChainSpec</c>): client settings plus the genesis state.
/// Parsing is strict: bad hex, duplicate JSON keys and missing required fields fail with the JSON path.
/// </summary>
public sealed class ChainSpec
{
    internal ChainSpec()
    {
    }

    public required string Name { get; init; }

    public required string Id { get; init; }

    public ChainType ChainType { get; init; } = ChainType.Live;

    /// <summary>The name of a <see cref="ChainType.Custom"/> chain type.</summary>
    public string? CustomChainType { get; init; }

    public IReadOnlyList<string> BootNodes { get; init; } = [];

    public IReadOnlyList<TelemetryEndpoint>? TelemetryEndpoints { get; init; }

    public string? ProtocolId { get; init; }

    public string? ForkId { get; init; }

    /// <summary>The <c>properties</c> object as JSON text (e.g. ss58Format, tokenDecimals, tokenSymbol).</summary>
    public string? PropertiesJson { get; init; }

    public IReadOnlyList<ForkBlock>? ForkBlocks { get; init; }

    public IReadOnlyList<Hash256>? BadBlocks { get; init; }

    /// <summary>Runtime code to use from a block number on until the spec version changes.</summary>
    public IReadOnlyDictionary<uint, byte[]> CodeSubstitutes { get; init; } = new Dictionary<uint, byte[]>();

    public required ChainSpecGenesis Genesis { get; init; }

    /// <summary>Parses chain spec JSON; throws <see cref="ChainSpecException"/>.</summary>
    public static ChainSpec Parse(ReadOnlyMemory<byte> json) => ChainSpecReader.Read(json);

    /// <summary>Reads and parses a chain spec file; throws <see cref="ChainSpecException"/> (I/O errors included).</summary>
    public static ChainSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChainSpecException($"cannot read chain spec file '{path}': {e.Message}", "$", e);
        }

        return Parse(bytes);
    }
}
