using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework;

namespace Subtensor.Runtime;

/// <summary>A decoded <c>RuntimeEvent</c>: which pallet and event variant, and the field values.</summary>
public sealed record RuntimeEvent(EventDef Def, IReadOnlyList<object?> Fields)
{
    public Pallet Pallet => Def.Pallet;

    public string Name => $"{Pallet.Name}.{Def.Name}";

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Pallet.Index).WriteU8(Def.Index);
        for (var i = 0; i < Fields.Count; i++)
        {
            Def.Fields[i].Codec.EncodeObject(writer, Fields[i]);
        }
    }

    public T Field<T>(string name)
    {
        for (var i = 0; i < Def.Fields.Count; i++)
        {
            if (Def.Fields[i].Name == name)
            {
                return (T)Fields[i]!;
            }
        }

        throw new KeyNotFoundException($"{Name} has no field {name}");
    }

    public override string ToString() => Name;
}
