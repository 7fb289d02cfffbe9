namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>A field of a composite or variant: optional name, type, the Rust type name as written in the source, docs.</summary>
public sealed record MetaField(string? Name, MetaType Type, string? TypeName = null, IReadOnlyList<string>? Docs = null)
{
    public IReadOnlyList<string> DocLines => Docs ?? [];
}
