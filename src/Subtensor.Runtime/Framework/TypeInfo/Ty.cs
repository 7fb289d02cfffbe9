using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>Builders for the type descriptions FRAME's metadata uses (scale-info's std and sp-core types).</summary>
public static class Ty
{
    public static readonly MetaType Bool = Prim(PrimitiveKind.Bool);
    public static readonly MetaType Str = Prim(PrimitiveKind.Str);
    public static readonly MetaType U8 = Prim(PrimitiveKind.U8);
    public static readonly MetaType U16 = Prim(PrimitiveKind.U16);
    public static readonly MetaType U32 = Prim(PrimitiveKind.U32);
    public static readonly MetaType U64 = Prim(PrimitiveKind.U64);
    public static readonly MetaType U128 = Prim(PrimitiveKind.U128);
    public static readonly MetaType I64 = Prim(PrimitiveKind.I64);

    /// <summary><c>()</c>: the empty tuple.</summary>
    public static readonly MetaType Unit = Tuple();

    public static readonly MetaType Bytes = Vec(U8);

    public static readonly MetaType Bytes32 = Array(32, U8);

    /// <summary><c>primitive_types::H256</c>.</summary>
    public static readonly MetaType H256 = Composite("primitive_types::H256", [], Field(null, Bytes32, "[u8; 32]"));

    /// <summary><c>sp_core::crypto::AccountId32</c>.</summary>
    public static readonly MetaType AccountId32 = Composite("sp_core::crypto::AccountId32", [], Field(null, Bytes32, "[u8; 32]"));

    public static MetaType Prim(PrimitiveKind kind) => new([], [], new MetaTypeDef.Primitive(kind));

    public static MetaType Vec(MetaType element) => new([], [], new MetaTypeDef.Sequence(element));

    public static MetaType Array(uint length, MetaType element) => new([], [], new MetaTypeDef.Array(length, element));

    public static MetaType Tuple(params MetaType[] elements) => new([], [], new MetaTypeDef.Tuple(elements));

    public static MetaType Compact(MetaType inner) => new([], [], new MetaTypeDef.Compact(inner));

    public static MetaField Field(string? name, MetaType type, string? typeName = null, params string[] docs) => new(name, type, typeName, docs);

    public static MetaVariant Variant(string name, byte index, params MetaField[] fields) => new(name, index, fields);

    public static IReadOnlyList<string> SplitPath(string path) => path.Split("::");

    /// <summary>A struct with a path, generic parameters and fields.</summary>
    public static MetaType Composite(string path, IReadOnlyList<(string, MetaType?)> typeParams, params MetaField[] fields) =>
        new(SplitPath(path), typeParams, new MetaTypeDef.Composite(fields));

    /// <summary>An enum with a path, generic parameters and variants.</summary>
    public static MetaType Enum(string path, IReadOnlyList<(string, MetaType?)> typeParams, params MetaVariant[] variants) =>
        new(SplitPath(path), typeParams, new MetaTypeDef.Variant(variants));

    /// <summary>An enum whose variants carry no data, numbered from 0 in order.</summary>
    public static MetaType SimpleEnum(string path, params string[] names) =>
        Enum(path, [], names.Select((n, i) => new MetaVariant(n, (byte)i, [])).ToArray());

    public static MetaType Option(MetaType inner) =>
        Enum("Option", [("T", inner)], Variant("None", 0), Variant("Some", 1, Field(null, inner)));

    public static MetaType Result(MetaType ok, MetaType err) =>
        Enum("Result", [("T", ok), ("E", err)], Variant("Ok", 0, Field(null, ok)), Variant("Err", 1, Field(null, err)));

    /// <summary><c>Cow&lt;'static, T&gt;</c> as scale-info describes it: a composite around T.</summary>
    public static MetaType Cow(MetaType inner) => Composite("Cow", [("T", inner)], Field(null, inner));

    public static MetaType BTreeMap(MetaType key, MetaType value) =>
        Composite("BTreeMap", [("K", key), ("V", value)], Field(null, Vec(Tuple(key, value))));

    /// <summary>
    /// <c>bounded_collections::bounded_vec::BoundedVec&lt;T, S&gt;</c>. Distinct bounds are distinct Rust types; pass
    /// <paramref name="bound"/> to keep them apart as scale-info does.
    /// </summary>
    public static MetaType BoundedVec(MetaType element, string bound = "") =>
        new(SplitPath("bounded_collections::bounded_vec::BoundedVec"), [("T", element), ("S", null)],
            new MetaTypeDef.Composite([Field(null, Vec(element), "Vec<T>")]), identity: bound.Length == 0 ? null : bound);

    public static MetaType WeakBoundedVec(MetaType element, string bound = "") =>
        new(SplitPath("bounded_collections::weak_bounded_vec::WeakBoundedVec"), [("T", element), ("S", null)],
            new MetaTypeDef.Composite([Field(null, Vec(element), "Vec<T>")]), identity: bound.Length == 0 ? null : bound);

    /// <summary>A transaction-extension or marker struct with one generic parameter <c>T</c> and no encoded data.</summary>
    public static MetaType Marker(string path, MetaType? typeParam = null) => Composite(path, [("T", typeParam)]);
}
