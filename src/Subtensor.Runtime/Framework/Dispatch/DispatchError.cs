using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>
/// sp_runtime <c>DispatchError</c> as FRAME encodes it: a variant byte, then for Module a <c>ModuleError</c>
/// (pallet index u8, error [u8; 4] whose first byte is the error variant), for Token/Arithmetic/Transactional/Trie
/// one byte. <c>Other</c> carries a message that is not encoded (<c>#[codec(skip)]</c>).
/// </summary>
public sealed record DispatchError(DispatchErrorKind Kind, byte Detail = 0, byte ModuleIndex = 0, byte[]? ModuleErrorBytes = null, string? Message = null)
{
    public static readonly DispatchError BadOrigin = new(DispatchErrorKind.BadOrigin);
    public static readonly DispatchError CannotLookup = new(DispatchErrorKind.CannotLookup);
    public static readonly DispatchError ConsumerRemaining = new(DispatchErrorKind.ConsumerRemaining);
    public static readonly DispatchError NoProviders = new(DispatchErrorKind.NoProviders);
    public static readonly DispatchError TooManyConsumers = new(DispatchErrorKind.TooManyConsumers);
    public static readonly DispatchError Exhausted = new(DispatchErrorKind.Exhausted);
    public static readonly DispatchError Corruption = new(DispatchErrorKind.Corruption);
    public static readonly DispatchError Unavailable = new(DispatchErrorKind.Unavailable);
    public static readonly DispatchError RootNotAllowed = new(DispatchErrorKind.RootNotAllowed);

    public static DispatchError Other(string message) => new(DispatchErrorKind.Other, Message: message);

    public static DispatchError Token(TokenError e) => new(DispatchErrorKind.Token, (byte)e);

    public static DispatchError Arithmetic(ArithmeticError e) => new(DispatchErrorKind.Arithmetic, (byte)e);

    /// <summary>Transactional: 0 LimitReached, 1 NoLayer.</summary>
    public static DispatchError Transactional(byte e) => new(DispatchErrorKind.Transactional, e);

    /// <summary>A pallet error: pallet index and the error's variant index.</summary>
    public static DispatchError Module(byte palletIndex, byte errorIndex, string? name = null) =>
        new(DispatchErrorKind.Module, 0, palletIndex, [errorIndex, 0, 0, 0], name);

    public byte ErrorIndex => ModuleErrorBytes is { Length: > 0 } b ? b[0] : (byte)0;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8((byte)Kind);
        switch (Kind)
        {
            case DispatchErrorKind.Module:
                writer.WriteU8(ModuleIndex).WriteBytes(ModuleErrorBytes ?? [0, 0, 0, 0]);
                break;
            case DispatchErrorKind.Token or DispatchErrorKind.Arithmetic or DispatchErrorKind.Transactional or DispatchErrorKind.Trie:
                writer.WriteU8(Detail);
                break;
        }
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter(8);
        EncodeTo(w);
        return w.ToArray();
    }

    public static DispatchError DecodeFrom(ref ScaleReader reader)
    {
        var kind = (DispatchErrorKind)reader.ReadEnumIndex(15);
        return kind switch
        {
            DispatchErrorKind.Module => new DispatchError(kind, 0, reader.ReadU8(), reader.ReadFixed(4)),
            DispatchErrorKind.Token => new DispatchError(kind, reader.ReadEnumIndex(10)),
            DispatchErrorKind.Arithmetic => new DispatchError(kind, reader.ReadEnumIndex(3)),
            DispatchErrorKind.Transactional => new DispatchError(kind, reader.ReadEnumIndex(2)),
            DispatchErrorKind.Trie => new DispatchError(kind, reader.ReadEnumIndex(14)),
            _ => new DispatchError(kind),
        };
    }

    public override string ToString() => Kind switch
    {
        DispatchErrorKind.Module => $"Module(index {ModuleIndex}, error {ErrorIndex}{(Message is null ? "" : " " + Message)})",
        DispatchErrorKind.Token => $"Token({(TokenError)Detail})",
        DispatchErrorKind.Arithmetic => $"Arithmetic({(ArithmeticError)Detail})",
        DispatchErrorKind.Other => $"Other({Message})",
        _ => Kind.ToString(),
    };

    public bool Equals(DispatchError? other) =>
        other is not null && Kind == other.Kind && Detail == other.Detail && ModuleIndex == other.ModuleIndex
        && (ModuleErrorBytes ?? []).AsSpan().SequenceEqual(other.ModuleErrorBytes ?? []);

    public override int GetHashCode() => HashCode.Combine(Kind, Detail, ModuleIndex, ErrorIndex);
}
