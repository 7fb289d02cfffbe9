using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>scale-info <c>PortableRegistry</c>: every type the metadata refers to, by id (ids are the list positions).</summary>
public sealed class PortableRegistry
{
    public PortableRegistry(IReadOnlyList<PortableType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Id != i)
            {
                throw new ArgumentException($"type at position {i} has id {types[i].Id}; ids must be consecutive from 0", nameof(types));
            }
        }
    }

    public IReadOnlyList<PortableType> Types { get; }

    public PortableType this[uint id] => id < Types.Count ? Types[(int)id] : throw new KeyNotFoundException($"no type with id {id}");

    public void EncodeTo(ScaleWriter writer) => writer.WriteVec(Types, (w, t) => t.EncodeTo(w));

    public static PortableRegistry DecodeFrom(ref ScaleReader reader)
    {
        var at = reader.Position;
        var types = reader.ReadVec(PortableType.DecodeFrom);
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i].Id != i)
            {
                throw new ScaleDecodeException($"registry entry {i} has id {types[i].Id}", at);
            }
        }

        return new PortableRegistry(types);
    }

    /// <summary>The first type whose path equals <paramref name="path"/> (e.g. <c>frame_system::AccountInfo</c>).</summary>
    public PortableType? FindByPath(string path) => Types.FirstOrDefault(t => t.PathString == path);
}
