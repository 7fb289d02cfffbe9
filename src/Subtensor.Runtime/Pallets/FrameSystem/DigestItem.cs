using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>
/// sp_runtime <c>DigestItem</c>: 0 Other(bytes), 4 Consensus(engine, bytes), 5 Seal(engine, bytes),
/// 6 PreRuntime(engine, bytes), 8 RuntimeEnvironmentUpdated.
/// </summary>
public sealed record DigestItem(byte Kind, byte[] Engine, byte[] Data)
{
    public const byte OtherKind = 0;
    public const byte ConsensusKind = 4;
    public const byte SealKind = 5;
    public const byte PreRuntimeKind = 6;
    public const byte RuntimeEnvironmentUpdatedKind = 8;

    /// <summary>ASCII "aura".</summary>
    public static readonly byte[] AuraEngine = "aura"u8.ToArray();

    public static DigestItem PreRuntime(byte[] engine, byte[] data) => new(PreRuntimeKind, engine, data);

    public bool HasEngine => Kind is ConsensusKind or SealKind or PreRuntimeKind;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Kind);
        if (HasEngine)
        {
            writer.WriteBytes(Engine);
        }

        if (Kind != RuntimeEnvironmentUpdatedKind)
        {
            writer.WriteByteVec(Data);
        }
    }

    public static DigestItem DecodeFrom(ref ScaleReader reader)
    {
        var at = reader.Position;
        var kind = reader.ReadU8();
        switch (kind)
        {
            case OtherKind:
                return new DigestItem(kind, [], reader.ReadByteVec());
            case ConsensusKind or SealKind or PreRuntimeKind:
                var engine = reader.ReadFixed(4);
                return new DigestItem(kind, engine, reader.ReadByteVec());
            case RuntimeEnvironmentUpdatedKind:
                return new DigestItem(kind, [], []);
            default:
                throw new ScaleDecodeException($"unknown digest item kind {kind}", at);
        }
    }

    public bool Equals(DigestItem? other) =>
        other is not null && Kind == other.Kind && Engine.AsSpan().SequenceEqual(other.Engine) && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Kind, Data.Length);
}
