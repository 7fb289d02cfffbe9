namespace Subtensor.Runtime.Framework;

/// <summary>An event variant of a pallet: index, name, fields (name, codec, Rust type name), docs.</summary>
public sealed class EventDef
{
    public EventDef(byte index, string name, IReadOnlyList<CallArg> fields, IReadOnlyList<string>? docs = null)
    {
        Index = index;
        Name = name;
        Fields = fields;
        Docs = docs ?? [];
    }

    public byte Index { get; }

    public string Name { get; }

    public IReadOnlyList<CallArg> Fields { get; }

    public IReadOnlyList<string> Docs { get; }

    public Pallet Pallet { get; internal set; } = null!;
}
