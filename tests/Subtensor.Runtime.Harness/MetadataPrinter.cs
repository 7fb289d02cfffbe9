using System.Text;
using Subtensor.Core.Types;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Harness;

/// <summary>Renders decoded metadata as readable text (for comparing shapes with a real chain's metadata).</summary>
internal static class MetadataPrinter
{
    public static string TypeName(PortableRegistry reg, uint id, int depth = 0)
    {
        if (depth > 6)
        {
            return "…";
        }

        var t = reg[id];
        string Args() => t.TypeParams.Count == 0 ? "" : "<" + string.Join(", ", t.TypeParams.Select(p => p.Type is { } pt ? TypeName(reg, pt, depth + 1) : p.Name)) + ">";
        return t.Def switch
        {
            PortableTypeDef.Primitive p => p.Kind.ToString().ToLowerInvariant(),
            PortableTypeDef.Sequence s => $"Vec<{TypeName(reg, s.Element, depth + 1)}>",
            PortableTypeDef.Array a => $"[{TypeName(reg, a.Element, depth + 1)}; {a.Length}]",
            PortableTypeDef.Tuple tu => "(" + string.Join(", ", tu.Elements.Select(e => TypeName(reg, e, depth + 1))) + ")",
            PortableTypeDef.Compact c => $"Compact<{TypeName(reg, c.Inner, depth + 1)}>",
            PortableTypeDef.BitSequence => "BitVec",
            _ => (t.Path.Count == 0 ? $"#{id}" : t.PathString) + Args(),
        };
    }

    public static string Describe(PortableRegistry reg, uint id)
    {
        var t = reg[id];
        var sb = new StringBuilder();
        sb.Append($"#{id} {t.PathString} params=[{string.Join(", ", t.TypeParams.Select(p => p.Name + "=" + (p.Type is { } x ? TypeName(reg, x) : "None")))}]");
        if (t.Docs.Count > 0)
        {
            sb.Append($" docs={t.Docs.Count}");
        }

        sb.AppendLine();
        switch (t.Def)
        {
            case PortableTypeDef.Composite c:
                foreach (var f in c.Fields)
                {
                    sb.AppendLine($"    {f.Name ?? "_"}: {TypeName(reg, f.Type)}  [{f.TypeName}]");
                }

                break;
            case PortableTypeDef.Variant v:
                foreach (var variant in v.Variants)
                {
                    sb.AppendLine($"  {variant.Index} {variant.Name}(" + string.Join(", ", variant.Fields.Select(f => $"{f.Name ?? "_"}: {TypeName(reg, f.Type)} [{f.TypeName}]")) + ")");
                }

                break;
            default:
                sb.AppendLine("    = " + TypeName(reg, id));
                break;
        }

        return sb.ToString();
    }

    public static string Print(RuntimeMetadata md, bool withTypes)
    {
        var reg = md.Types;
        var sb = new StringBuilder();
        sb.AppendLine($"V{md.Version}; {reg.Types.Count} types; runtime type {TypeName(reg, md.RuntimeType)}");
        foreach (var p in md.Pallets)
        {
            sb.AppendLine($"== pallet {p.Index} {p.Name} docs={p.Docs.Count}");
            if (p.Storage is { } s)
            {
                sb.AppendLine($"  storage prefix {s.Prefix}");
                foreach (var e in s.Entries)
                {
                    var ty = e.Type.Key is { } k
                        ? $"map[{string.Join(",", e.Type.Hashers)}] {TypeName(reg, k)} => {TypeName(reg, e.Type.Value)}"
                        : TypeName(reg, e.Type.Value);
                    sb.AppendLine($"    {e.Name} {e.Modifier} {ty} default={Hex.ToHex(e.Default)}");
                }
            }

            if (p.Calls is { } c)
            {
                sb.Append("  calls ").Append(Describe(reg, c));
            }

            if (p.Event is { } ev)
            {
                sb.Append("  events ").Append(Describe(reg, ev));
            }

            if (p.Error is { } er)
            {
                sb.Append("  errors ").Append(Describe(reg, er));
            }

            foreach (var k in p.Constants)
            {
                sb.AppendLine($"  const {k.Name}: {TypeName(reg, k.Type)} = {Hex.ToHex(k.Value)}");
            }
        }

        var x = md.Extrinsic;
        sb.AppendLine($"== extrinsic v{x.Version} type={(md.Version == 14 ? TypeName(reg, x.ExtrinsicType) : "")} address={(md.Version >= 15 ? TypeName(reg, x.AddressType) : "")} sig={(md.Version >= 15 ? TypeName(reg, x.SignatureType) : "")}");
        foreach (var e in x.SignedExtensions)
        {
            sb.AppendLine($"  ext {e.Identifier}: {TypeName(reg, e.Type)} / {TypeName(reg, e.AdditionalSigned)}");
        }

        foreach (var api in md.Apis)
        {
            sb.AppendLine($"== api {api.Name}");
            foreach (var m in api.Methods)
            {
                sb.AppendLine($"  {m.Name}(" + string.Join(", ", m.Inputs.Select(i => $"{i.Name}: {TypeName(reg, i.Type)}")) + $") -> {TypeName(reg, m.Output)}");
            }
        }

        if (md.Version >= 15)
        {
            sb.AppendLine($"== outer enums call={TypeName(reg, md.OuterCallType)} event={TypeName(reg, md.OuterEventType)} error={TypeName(reg, md.OuterErrorType)}; custom={md.Custom.Count}");
        }

        if (withTypes)
        {
            foreach (var t in reg.Types)
            {
                sb.Append(Describe(reg, t.Id));
            }
        }

        return sb.ToString();
    }
}
