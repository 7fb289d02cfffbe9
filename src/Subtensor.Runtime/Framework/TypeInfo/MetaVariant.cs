namespace Subtensor.Runtime.Framework.TypeInfo;

/// <summary>A variant of an enum: name, encoded index, fields, docs.</summary>
public sealed record MetaVariant(string Name, byte Index, IReadOnlyList<MetaField> Fields, IReadOnlyList<string>? Docs = null)
{
    public IReadOnlyList<string> DocLines => Docs ?? [];
}
