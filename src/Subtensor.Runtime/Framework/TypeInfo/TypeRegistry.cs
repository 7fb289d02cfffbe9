using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>
/// Collects <see cref="MetaType"/>s into a portable registry. Like scale-info, a type receives its id before its
/// children are visited, so ids follow first-use order and recursion terminates.
/// </summary>
public sealed class TypeRegistry
{
    private readonly Dictionary<string, uint> _ids = new(StringComparer.Ordinal);
    private readonly List<PortableType?> _types = [];

    public int Count => _types.Count;

    public uint Register(MetaType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_ids.TryGetValue(type.Key, out var existing))
        {
            return existing;
        }

        var id = (uint)_types.Count;
        _ids.Add(type.Key, id);
        _types.Add(null);
        var typeParams = type.TypeParams.Select(p => new PortableTypeParameter(p.Name, p.Type is null ? null : Register(p.Type))).ToList();
        PortableTypeDef def = type.Def switch
        {
            MetaTypeDef.Composite c => new PortableTypeDef.Composite(c.Fields.Select(ToPortable).ToList()),
            MetaTypeDef.Variant v => new PortableTypeDef.Variant(v.Variants.Select(x => new PortableVariant(x.Name, x.Fields.Select(ToPortable).ToList(), x.Index, x.DocLines)).ToList()),
            MetaTypeDef.Sequence s => new PortableTypeDef.Sequence(Register(s.Element)),
            MetaTypeDef.Array a => new PortableTypeDef.Array(a.Length, Register(a.Element)),
            MetaTypeDef.Tuple t => new PortableTypeDef.Tuple(t.Elements.Select(Register).ToList()),
            MetaTypeDef.Primitive p => new PortableTypeDef.Primitive(p.Kind),
            MetaTypeDef.Compact c => new PortableTypeDef.Compact(Register(c.Inner)),
            MetaTypeDef.BitSequence b => new PortableTypeDef.BitSequence(Register(b.Store), Register(b.Order)),
            _ => throw new InvalidOperationException("unknown type definition"),
        };
        _types[(int)id] = new PortableType(id, type.Path, typeParams, def, type.Docs);
        return id;
    }

    public PortableRegistry ToPortable() => new(_types.Select(t => t ?? throw new InvalidOperationException("registry has an unfinished type")).ToList());

    private PortableField ToPortable(MetaField f) => new(f.Name, Register(f.Type), f.TypeName, f.DocLines);
}
