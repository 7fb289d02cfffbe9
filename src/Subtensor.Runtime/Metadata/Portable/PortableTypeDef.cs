using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>scale-info <c>TypeDef</c> with type ids: 0 Composite, 1 Variant, 2 Sequence, 3 Array, 4 Tuple, 5 Primitive, 6 Compact, 7 BitSequence.</summary>
public abstract record PortableTypeDef
{
    public abstract void EncodeTo(ScaleWriter writer);

    public static PortableTypeDef DecodeFrom(ref ScaleReader reader)
    {
        switch (reader.ReadEnumIndex(8))
        {
            case 0:
                return new Composite(reader.ReadVec(PortableField.DecodeFrom));
            case 1:
                return new Variant(reader.ReadVec(PortableVariant.DecodeFrom));
            case 2:
                return new Sequence(reader.ReadCompactU32());
            case 3:
                var len = reader.ReadU32();
                return new Array(len, reader.ReadCompactU32());
            case 4:
                return new Tuple(reader.ReadVec((ref ScaleReader r) => r.ReadCompactU32()));
            case 5:
                return new Primitive((PrimitiveKind)reader.ReadEnumIndex(15));
            case 6:
                return new Compact(reader.ReadCompactU32());
            default:
                var store = reader.ReadCompactU32();
                return new BitSequence(store, reader.ReadCompactU32());
        }
    }

    public sealed record Composite(IReadOnlyList<PortableField> Fields) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(0).WriteVec(Fields, (w, f) => f.EncodeTo(w));
    }

    public sealed record Variant(IReadOnlyList<PortableVariant> Variants) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(1).WriteVec(Variants, (w, v) => v.EncodeTo(w));
    }

    public sealed record Sequence(uint Element) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(2).WriteCompact(Element);
    }

    public sealed record Array(uint Length, uint Element) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(3).WriteU32(Length).WriteCompact(Element);
    }

    public sealed record Tuple(IReadOnlyList<uint> Elements) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(4).WriteVec(Elements, (w, e) => w.WriteCompact(e));
    }

    public sealed record Primitive(PrimitiveKind Kind) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(5).WriteU8((byte)Kind);
    }

    public sealed record Compact(uint Inner) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(6).WriteCompact(Inner);
    }

    public sealed record BitSequence(uint BitStore, uint BitOrder) : PortableTypeDef
    {
        public override void EncodeTo(ScaleWriter writer) => writer.WriteU8(7).WriteCompact(BitStore).WriteCompact(BitOrder);
    }
}
