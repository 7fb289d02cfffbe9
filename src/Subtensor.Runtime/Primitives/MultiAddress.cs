using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Runtime.Primitives;

/// <summary>
/// sp_runtime <c>MultiAddress&lt;AccountId32, ()&gt;</c>: 0 Id(AccountId32), 1 Index(Compact&lt;()&gt;, encoded as nothing),
/// 2 Raw(Vec&lt;u8&gt;), 3 Address32([u8; 32]), 4 Address20([u8; 20]). Subtensor's lookup (<c>AccountIdLookup</c>)
/// resolves only <c>Id</c>.
/// </summary>
public sealed record MultiAddress(byte Variant, AccountId32 Id, byte[]? Data = null)
{
    public static MultiAddress FromId(AccountId32 id) => new(0, id);

    /// <summary>The account for <c>Id</c>, or null for every other variant (FRAME's <c>LookupError</c>).</summary>
    public AccountId32? Lookup() => Variant == 0 ? Id : null;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Variant);
        switch (Variant)
        {
            case 0:
                Id.EncodeTo(writer);
                break;
            case 1:
                break;
            case 2:
                writer.WriteByteVec(Data ?? []);
                break;
            default:
                writer.WriteBytes(Data ?? []);
                break;
        }
    }

    public static MultiAddress DecodeFrom(ref ScaleReader reader) => reader.ReadEnumIndex(5) switch
    {
        0 => new MultiAddress(0, AccountId32.DecodeFrom(ref reader)),
        1 => new MultiAddress(1, default),
        2 => new MultiAddress(2, default, reader.ReadByteVec()),
        3 => new MultiAddress(3, default, reader.ReadFixed(32)),
        _ => new MultiAddress(4, default, reader.ReadFixed(20)),
    };

    public bool Equals(MultiAddress? other) =>
        other is not null && Variant == other.Variant && Id == other.Id && (Data ?? []).AsSpan().SequenceEqual(other.Data ?? []);

    public override int GetHashCode() => HashCode.Combine(Variant, Id);
}
