using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>One header digest log (<c>sp_runtime::generic::DigestItem</c>): SCALE enum with variants 0, 4, 5, 6, 8.</summary>
public sealed record DigestItem : IScaleEncodable, IScaleDecodable<DigestItem>
{
    private DigestItem(DigestItemKind kind, ConsensusEngineId engine, byte[] data)
    {
        Kind = kind;
        Engine = engine;
        Data = data;
    }

    public DigestItemKind Kind { get; }

    /// <summary>The engine of a Consensus, Seal or PreRuntime item (default otherwise).</summary>
    public ConsensusEngineId Engine { get; }

    /// <summary>The payload (empty for RuntimeEnvironmentUpdated).</summary>
    public byte[] Data { get; }

    public static DigestItem Other(byte[] data) => new(DigestItemKind.Other, default, data ?? throw new ArgumentNullException(nameof(data)));

    public static DigestItem Consensus(ConsensusEngineId engine, byte[] data) => new(DigestItemKind.Consensus, engine, data ?? throw new ArgumentNullException(nameof(data)));

    public static DigestItem Seal(ConsensusEngineId engine, byte[] data) => new(DigestItemKind.Seal, engine, data ?? throw new ArgumentNullException(nameof(data)));

    public static DigestItem PreRuntime(ConsensusEngineId engine, byte[] data) => new(DigestItemKind.PreRuntime, engine, data ?? throw new ArgumentNullException(nameof(data)));

    public static DigestItem RuntimeEnvironmentUpdated { get; } = new(DigestItemKind.RuntimeEnvironmentUpdated, default, []);

    public bool HasEngine => Kind is DigestItemKind.Consensus or DigestItemKind.Seal or DigestItemKind.PreRuntime;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8((byte)Kind);
        if (HasEngine)
        {
            Engine.EncodeTo(writer);
        }

        if (Kind != DigestItemKind.RuntimeEnvironmentUpdated)
        {
            writer.WriteByteVec(Data);
        }
    }

    public static DigestItem DecodeFrom(ref ScaleReader reader)
    {
        var at = reader.Position;
        var index = reader.ReadU8();
        switch ((DigestItemKind)index)
        {
            case DigestItemKind.Other:
                return Other(reader.ReadByteVec());
            case DigestItemKind.Consensus:
            case DigestItemKind.Seal:
            case DigestItemKind.PreRuntime:
                var engine = ConsensusEngineId.DecodeFrom(ref reader);
                return new DigestItem((DigestItemKind)index, engine, reader.ReadByteVec());
            case DigestItemKind.RuntimeEnvironmentUpdated:
                return RuntimeEnvironmentUpdated;
            default:
                throw new ScaleDecodeException($"unknown digest item type {index}", at);
        }
    }

    public bool Equals(DigestItem? other)
        => other is not null && Kind == other.Kind && Engine == other.Engine && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Kind, Engine, Data.Length);

    public override string ToString() => HasEngine ? $"{Kind}({Engine}, {Hex.ToHex(Data)})" : $"{Kind}({Hex.ToHex(Data)})";
}
