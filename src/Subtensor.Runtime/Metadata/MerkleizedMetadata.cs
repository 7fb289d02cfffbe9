using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Hashing;
using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Metadata;

/// <summary>
/// RFC-0078 merkleized metadata: the metadata digest whose BLAKE3 hash the <c>CheckMetadataHash</c> extension signs.
/// From the V15 metadata, the types reachable from the call, address, signature and extension types are rewritten
/// in a reduced form (primitives and compacts inlined as type references, each enum variant a separate leaf),
/// renumbered, and hashed into a binary merkle tree; the digest combines its root with the hash of the extrinsic
/// description and the chain's spec version, spec name, SS58 prefix, decimals and token symbol.
/// </summary>
public static class MerkleizedMetadata
{
    /// <summary>The metadata hash (BLAKE3 of the encoded <c>MetadataDigest::V1</c>).</summary>
    public static Hash256 Digest(RuntimeMetadata metadata, RuntimeVersion version, ChainProperties properties)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(properties);
        return new Hash256(Blake3.Hash(DigestBytes(metadata, version.SpecVersion, version.SpecName, properties.Ss58Format, properties.TokenDecimals, properties.TokenSymbol)));
    }

    /// <summary>The encoded <c>MetadataDigest::V1</c>.</summary>
    public static byte[] DigestBytes(RuntimeMetadata metadata, uint specVersion, string specName, ushort base58Prefix, byte decimals, string tokenSymbol)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Version != 15)
        {
            throw new ArgumentException("RFC-0078 hashes V15 metadata", nameof(metadata));
        }

        var converter = new Converter(metadata);
        var w = new ScaleWriter(128);
        w.WriteU8(1);
        w.WriteBytes(converter.TypesRoot());
        w.WriteBytes(Blake3.Hash(converter.ExtrinsicMetadataBytes()));
        w.WriteU32(specVersion).WriteString(specName).WriteU16(base58Prefix).WriteU8(decimals).WriteString(tokenSymbol);
        return w.ToArray();
    }

    /// <summary>Merkle root of leaf hashes (RFC-0078): pair the last two into a node placed at the front, until one is left.</summary>
    public static byte[] MerkleRoot(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var queue = new LinkedList<byte[]>(leafHashes);
        while (queue.Count > 1)
        {
            var right = queue.Last!.Value;
            queue.RemoveLast();
            var left = queue.Last!.Value;
            queue.RemoveLast();
            queue.AddFirst(Blake3.Hash([.. left, .. right]));
        }

        return queue.Count == 1 ? queue.First!.Value : new byte[32];
    }

    private sealed class Converter
    {
        private readonly RuntimeMetadata _md;
        private readonly PortableRegistry _reg;
        private readonly SortedDictionary<uint, uint> _newIds = new();

        public Converter(RuntimeMetadata md)
        {
            _md = md;
            _reg = md.Types;
            var accessible = new SortedSet<uint>();
            var x = md.Extrinsic;
            Collect(x.CallType, accessible);
            Collect(x.AddressType, accessible);
            Collect(x.SignatureType, accessible);
            foreach (var e in x.SignedExtensions)
            {
                Collect(e.Type, accessible);
                Collect(e.AdditionalSigned, accessible);
            }

            uint next = 0;
            foreach (var id in accessible)
            {
                if (IsBasic(_reg[id].Def))
                {
                    _newIds[id] = next++;
                }
            }
        }

        public byte[] TypesRoot()
        {
            // Leaves ordered by (new id, variant index).
            var leaves = new List<byte[]>();
            foreach (var (frameId, newId) in _newIds)
            {
                foreach (var encoded in EncodeType(_reg[frameId], newId))
                {
                    leaves.Add(Blake3.Hash(encoded));
                }
            }

            return MerkleRoot(leaves);
        }

        public byte[] ExtrinsicMetadataBytes()
        {
            var x = _md.Extrinsic;
            var w = new ScaleWriter(256);
            w.WriteU8(x.Version);
            WriteRef(w, x.AddressType);
            WriteRef(w, x.CallType);
            WriteRef(w, x.SignatureType);
            w.WriteCompact((uint)x.SignedExtensions.Count);
            foreach (var e in x.SignedExtensions)
            {
                w.WriteString(e.Identifier);
                WriteRef(w, e.Type);
                WriteRef(w, e.AdditionalSigned);
            }

            return w.ToArray();
        }

        private void Collect(uint id, SortedSet<uint> set)
        {
            if (!set.Add(id))
            {
                return;
            }

            switch (_reg[id].Def)
            {
                case PortableTypeDef.Composite c:
                    foreach (var f in c.Fields)
                    {
                        Collect(f.Type, set);
                    }

                    break;
                case PortableTypeDef.Variant v:
                    foreach (var f in v.Variants.SelectMany(x => x.Fields))
                    {
                        Collect(f.Type, set);
                    }

                    break;
                case PortableTypeDef.Sequence s:
                    Collect(s.Element, set);
                    break;
                case PortableTypeDef.Array a:
                    Collect(a.Element, set);
                    break;
                case PortableTypeDef.Tuple t:
                    foreach (var e in t.Elements)
                    {
                        Collect(e, set);
                    }

                    break;
            }
        }

        private static bool IsBasic(PortableTypeDef def) => def switch
        {
            PortableTypeDef.Compact or PortableTypeDef.Primitive => false,
            PortableTypeDef.Variant v => v.Variants.Count > 0,
            PortableTypeDef.Composite c => c.Fields.Count > 0,
            PortableTypeDef.Tuple t => t.Elements.Count > 0,
            _ => true,
        };

        /// <summary>The reduced types of one frame type (one per variant for enums), each encoded as (path, def, Compact new id).</summary>
        private IEnumerable<byte[]> EncodeType(PortableType t, uint newId)
        {
            if (t.Def is PortableTypeDef.Variant v)
            {
                foreach (var variant in v.Variants.OrderBy(x => x.Index))
                {
                    var w = new ScaleWriter(128);
                    MetadataCodec.WriteStrings(w, t.Path);
                    w.WriteU8(1).WriteString(variant.Name);
                    WriteFields(w, variant.Fields);
                    w.WriteCompact((uint)variant.Index);
                    w.WriteCompact(newId);
                    yield return w.ToArray();
                }

                yield break;
            }

            var writer = new ScaleWriter(128);
            MetadataCodec.WriteStrings(writer, t.Path);
            switch (t.Def)
            {
                case PortableTypeDef.Composite c:
                    writer.WriteU8(0);
                    WriteFields(writer, c.Fields);
                    break;
                case PortableTypeDef.Sequence s:
                    writer.WriteU8(2);
                    WriteRef(writer, s.Element);
                    break;
                case PortableTypeDef.Array a:
                    writer.WriteU8(3).WriteU32(a.Length);
                    WriteRef(writer, a.Element);
                    break;
                case PortableTypeDef.Tuple tu:
                    writer.WriteU8(4).WriteCompact((uint)tu.Elements.Count);
                    foreach (var e in tu.Elements)
                    {
                        WriteRef(writer, e);
                    }

                    break;
                case PortableTypeDef.BitSequence b:
                    writer.WriteU8(5).WriteU8(BitStoreBytes(b.BitStore)).WriteBool(IsLsb0(b.BitOrder));
                    break;
                default:
                    throw new InvalidOperationException($"type {t.Id} has no reduced form");
            }

            writer.WriteCompact(newId);
            yield return writer.ToArray();
        }

        private void WriteFields(ScaleWriter w, IReadOnlyList<PortableField> fields)
        {
            w.WriteCompact((uint)fields.Count);
            foreach (var f in fields)
            {
                w.WriteOption(f.Name, (ww, s) => ww.WriteString(s));
                WriteRef(w, f.Type);
                w.WriteOption(f.TypeName, (ww, s) => ww.WriteString(s));
            }
        }

        /// <summary>RFC-0078 <c>TypeRef</c>: primitives 0..14, compacts 15..20, Void 21, ById(Compact) 22.</summary>
        private void WriteRef(ScaleWriter w, uint id)
        {
            var def = _reg[id].Def;
            switch (def)
            {
                case PortableTypeDef.Primitive p:
                    w.WriteU8((byte)p.Kind);
                    return;
                case PortableTypeDef.Compact:
                {
                    var found = new List<PrimitiveKind>();
                    CollectPrimitives(id, found, []);
                    if (found.Count > 1)
                    {
                        throw new InvalidOperationException($"compact type {id} wraps more than one primitive");
                    }

                    if (found.Count == 0)
                    {
                        w.WriteU8(21);
                        return;
                    }

                    w.WriteU8(found[0] switch
                    {
                        PrimitiveKind.U8 => 15,
                        PrimitiveKind.U16 => 16,
                        PrimitiveKind.U32 => 17,
                        PrimitiveKind.U64 => 18,
                        PrimitiveKind.U128 => 19,
                        PrimitiveKind.U256 => 20,
                        var k => throw new InvalidOperationException($"Compact<{k}> is not supported"),
                    });
                    return;
                }

                case PortableTypeDef.Variant v when v.Variants.Count == 0:
                case PortableTypeDef.Composite c when c.Fields.Count == 0:
                case PortableTypeDef.Tuple t when t.Elements.Count == 0:
                    w.WriteU8(21);
                    return;
                default:
                    w.WriteU8(22).WriteCompact(_newIds.TryGetValue(id, out var n) ? n : throw new InvalidOperationException($"type {id} is not reachable from the extrinsic"));
                    return;
            }
        }

        /// <summary>Primitives reachable from a type (how a compact's inner type is identified).</summary>
        private void CollectPrimitives(uint id, List<PrimitiveKind> found, HashSet<uint> visited)
        {
            switch (_reg[id].Def)
            {
                case PortableTypeDef.Primitive p:
                    found.Add(p.Kind);
                    break;
                case PortableTypeDef.Compact c:
                    Visit(c.Inner);
                    break;
                case PortableTypeDef.Composite c:
                    foreach (var f in c.Fields)
                    {
                        Visit(f.Type);
                    }

                    break;
                case PortableTypeDef.Variant v:
                    foreach (var f in v.Variants.SelectMany(x => x.Fields))
                    {
                        Visit(f.Type);
                    }

                    break;
                case PortableTypeDef.Sequence s:
                    Visit(s.Element);
                    break;
                case PortableTypeDef.Array a:
                    Visit(a.Element);
                    break;
                case PortableTypeDef.Tuple t:
                    foreach (var e in t.Elements)
                    {
                        Visit(e);
                    }

                    break;
                case PortableTypeDef.BitSequence b:
                    Visit(b.BitOrder);
                    Visit(b.BitStore);
                    break;
            }

            void Visit(uint child)
            {
                if (visited.Add(child))
                {
                    CollectPrimitives(child, found, visited);
                }
            }
        }

        private byte BitStoreBytes(uint storeId)
        {
            var found = new List<PrimitiveKind>();
            CollectPrimitives(storeId, found, []);
            return found.Count == 1 ? found[0] switch
            {
                PrimitiveKind.U8 => (byte)1,
                PrimitiveKind.U16 => (byte)2,
                PrimitiveKind.U32 => (byte)4,
                PrimitiveKind.U64 => (byte)8,
                var k => throw new InvalidOperationException($"bit store type {k} is not supported"),
            } : throw new InvalidOperationException("bit store type must be one primitive");
        }

        private bool IsLsb0(uint orderId) =>
            _reg[orderId].Path.FirstOrDefault(p => p is "Lsb0" or "Msb0") is { } p ? p == "Lsb0" : throw new InvalidOperationException("bit order must be Lsb0 or Msb0");
    }
}
