using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>The shape of a type, in the terms of scale-info's <c>TypeDef</c>, referring to other <see cref="MetaType"/>s.</summary>
public abstract record MetaTypeDef
{
    private MetaTypeDef()
    {
    }

    public sealed record Composite(IReadOnlyList<MetaField> Fields) : MetaTypeDef;

    public sealed record Variant(IReadOnlyList<MetaVariant> Variants) : MetaTypeDef;

    public sealed record Sequence(MetaType Element) : MetaTypeDef;

    public sealed record Array(uint Length, MetaType Element) : MetaTypeDef;

    public sealed record Tuple(IReadOnlyList<MetaType> Elements) : MetaTypeDef;

    public sealed record Primitive(PrimitiveKind Kind) : MetaTypeDef;

    public sealed record Compact(MetaType Inner) : MetaTypeDef;

    public sealed record BitSequence(MetaType Store, MetaType Order) : MetaTypeDef;
}
