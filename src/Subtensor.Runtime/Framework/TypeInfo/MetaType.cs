namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>
/// A type as the metadata describes it (scale-info <c>Type</c>): path, generic parameters, definition and docs.
/// Named types are identified by their path and parameters; unnamed ones (sequences, arrays, tuples, compacts,
/// primitives) by their structure. The definition may be supplied after construction so that recursive types
/// (a runtime call enum containing calls) can be described.
/// </summary>
public sealed class MetaType
{
    private MetaTypeDef? _def;
    private string? _key;

    public MetaType(IReadOnlyList<string> path, IReadOnlyList<(string Name, MetaType? Type)> typeParams, MetaTypeDef? def, IReadOnlyList<string>? docs = null, string? identity = null)
    {
        Path = path;
        TypeParams = typeParams;
        _def = def;
        Docs = docs ?? [];
        Identity = identity;
    }

    public IReadOnlyList<string> Path { get; }

    public IReadOnlyList<(string Name, MetaType? Type)> TypeParams { get; }

    public IReadOnlyList<string> Docs { get; }

    /// <summary>Extra discriminator for distinct types that would otherwise share a key (e.g. two <c>BoundedVec&lt;u8, S&gt;</c>).</summary>
    public string? Identity { get; }

    public MetaTypeDef Def => _def ?? throw new InvalidOperationException($"type {Key} has no definition yet");

    public bool IsDefined => _def is not null;

    /// <summary>Supplies the definition of a type created without one (recursive types).</summary>
    public void Define(MetaTypeDef def)
    {
        ArgumentNullException.ThrowIfNull(def);
        if (_def is not null)
        {
            throw new InvalidOperationException($"type {Key} is already defined");
        }

        _def = def;
    }

    /// <summary>Identity used to de-duplicate types in a registry.</summary>
    public string Key => _key ??= ComputeKey();

    public override string ToString() => Key;

    private string ComputeKey()
    {
        var suffix = Identity is null ? "" : "#" + Identity;
        if (Path.Count > 0)
        {
            var args = TypeParams.Count == 0 ? "" : "<" + string.Join(",", TypeParams.Select(p => p.Name + "=" + (p.Type?.Key ?? "_"))) + ">";
            return string.Join("::", Path) + args + suffix;
        }

        return Def switch
        {
            MetaTypeDef.Primitive p => p.Kind.ToString().ToLowerInvariant(),
            MetaTypeDef.Sequence s => $"Vec<{s.Element.Key}>",
            MetaTypeDef.Array a => $"[{a.Element.Key};{a.Length}]",
            MetaTypeDef.Tuple t => "(" + string.Join(",", t.Elements.Select(e => e.Key)) + ")",
            MetaTypeDef.Compact c => $"Compact<{c.Inner.Key}>",
            MetaTypeDef.BitSequence b => $"BitVec<{b.Store.Key},{b.Order.Key}>",
            _ => throw new InvalidOperationException("an unnamed composite or variant type needs an Identity"),
        } + suffix;
    }
}
