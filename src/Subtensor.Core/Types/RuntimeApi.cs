using System.Buffers.Binary;
using System.Text;
using Subtensor.Core.Hashing;

namespace Subtensor.Core.Types;

/// <summary>
/// One entry of <c>RuntimeVersion.apis</c>: an API id (the first 8 bytes of blake2b-64 of the trait name, e.g.
/// Core = 0xdf6acb689907609b) and its version. <see cref="Id"/> holds the 8 bytes big-endian.
/// </summary>
public readonly record struct RuntimeApi(ulong Id, uint Version)
{
    /// <summary>The API id of a runtime API trait name (sp-version <c>ApiId</c>: blake2b with 8-byte output).</summary>
    public static ulong IdOf(string traitName)
    {
        ArgumentNullException.ThrowIfNull(traitName);
        Span<byte> id = stackalloc byte[8];
        Blake2b.Hash(Encoding.UTF8.GetBytes(traitName), id);
        return BinaryPrimitives.ReadUInt64BigEndian(id);
    }

    public static RuntimeApi Of(string traitName, uint version) => new(IdOf(traitName), version);

    public void CopyIdTo(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Id);

    public override string ToString() => $"0x{Id:x16}:{Version}";
}
