using Subtensor.Core.Scale;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Tests.Support;

/// <summary>
/// Decodes SCALE bytes by a type of a decoded metadata registry, as a wallet would: composites with named fields become
/// ordered dictionaries, single-field wrappers their inner value, Option None/Some null/value, other enums
/// (variant, value), u8 sequences and arrays byte[], other sequences and tuples lists, integers and compacts ulong
/// (UInt128 for 128-bit, long/Int128 for signed). Throws unless the bytes are consumed exactly.
/// </summary>
internal sealed class MetadataValueDecoder(RuntimeMetadata metadata)
{
    private readonly PortableRegistry _types = metadata.Types;

    public object? Decode(uint type, byte[] bytes)
    {
        var r = new ScaleReader(bytes);
        var value = Read(type, ref r);
        r.EnsureAtEnd();
        return value;
    }

    /// <summary>Calls <c>Api_method</c> on <paramref name="api"/> and decodes the result by the method's V15 output type.</summary>
    public object? Call(Subtensor.Runtime.Api.RuntimeApis api, Subtensor.Runtime.State.IStateAccess state, string trait, string method, byte[] args)
    {
        var m = metadata.Apis.Single(a => a.Name == trait).Methods.Single(x => x.Name == method);
        return Decode(m.Output, api.Call(state, $"{trait}_{method}", args));
    }

    private object? Read(uint type, ref ScaleReader r)
    {
        var t = _types[type];
        switch (t.Def)
        {
            case PortableTypeDef.Composite c:
                if (c.Fields.Count == 1 && c.Fields[0].Name is null)
                {
                    return Read(c.Fields[0].Type, ref r);
                }

                var fields = new Dictionary<string, object?>();
                foreach (var f in c.Fields)
                {
                    fields[f.Name ?? fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Read(f.Type, ref r);
                }

                return fields;
            case PortableTypeDef.Variant v:
                var index = r.ReadU8();
                var variant = v.Variants.Single(x => x.Index == index);
                if (t.PathString == "Option")
                {
                    return variant.Name == "None" ? null : Read(variant.Fields[0].Type, ref r);
                }

                object? payload = variant.Fields.Count switch
                {
                    0 => null,
                    1 => Read(variant.Fields[0].Type, ref r),
                    _ => ReadAll(variant.Fields.Select(f => f.Type).ToList(), ref r),
                };
                return (variant.Name, payload);
            case PortableTypeDef.Sequence s:
                return ReadMany(s.Element, r.ReadCompactU32(), ref r);
            case PortableTypeDef.Array a:
                return ReadMany(a.Element, a.Length, ref r);
            case PortableTypeDef.Tuple tu:
                return ReadAll(tu.Elements, ref r);
            case PortableTypeDef.Primitive p:
                return p.Kind switch
                {
                    PrimitiveKind.Bool => r.ReadBool(),
                    PrimitiveKind.U8 => (ulong)r.ReadU8(),
                    PrimitiveKind.U16 => (ulong)r.ReadU16(),
                    PrimitiveKind.U32 => (ulong)r.ReadU32(),
                    PrimitiveKind.U64 => r.ReadU64(),
                    PrimitiveKind.U128 => r.ReadU128(),
                    PrimitiveKind.I16 => (long)r.ReadI16(),
                    PrimitiveKind.I32 => (long)r.ReadI32(),
                    PrimitiveKind.I64 => r.ReadI64(),
                    PrimitiveKind.I128 => r.ReadI128(),
                    PrimitiveKind.Str => r.ReadString(),
                    _ => throw new NotSupportedException(p.Kind.ToString()),
                };
            case PortableTypeDef.Compact cp:
                var wide = _types[cp.Inner].Def is PortableTypeDef.Primitive { Kind: PrimitiveKind.U128 };
                return wide ? (object)r.ReadCompactU128() : r.ReadCompactU64();
            default:
                throw new NotSupportedException(t.Def.GetType().Name);
        }
    }

    private object ReadMany(uint element, uint count, ref ScaleReader r)
    {
        if (_types[element].Def is PortableTypeDef.Primitive { Kind: PrimitiveKind.U8 })
        {
            return r.ReadBytes((int)count).ToArray();
        }

        var list = new List<object?>();
        for (var i = 0; i < count; i++)
        {
            list.Add(Read(element, ref r));
        }

        return list;
    }

    private List<object?> ReadAll(IReadOnlyList<uint> types, ref ScaleReader r)
    {
        var list = new List<object?>();
        foreach (var ty in types)
        {
            list.Add(Read(ty, ref r));
        }

        return list;
    }
}
