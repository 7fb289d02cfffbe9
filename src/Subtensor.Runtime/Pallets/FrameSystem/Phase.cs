using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>Phase</c>: 0 ApplyExtrinsic(u32), 1 Finalization, 2 Initialization (the default).</summary>
public readonly record struct Phase(byte Kind, uint ExtrinsicIndex)
{
    public static Phase Initialization => new(2, 0);

    public static Phase Finalization => new(1, 0);

    public static Phase ApplyExtrinsic(uint index) => new(0, index);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Kind);
        if (Kind == 0)
        {
            writer.WriteU32(ExtrinsicIndex);
        }
    }

    public static Phase DecodeFrom(ref ScaleReader reader)
    {
        var kind = reader.ReadEnumIndex(3);
        return kind == 0 ? ApplyExtrinsic(reader.ReadU32()) : new Phase(kind, 0);
    }
}
