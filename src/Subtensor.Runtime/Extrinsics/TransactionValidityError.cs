using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// sp_runtime <c>TransactionValidityError</c>: 0 Invalid(InvalidTransaction), 1 Unknown(UnknownTransaction). The code is
/// the variant index of the inner enum; <see cref="Custom"/> carries the byte of a Custom variant.
/// </summary>
public sealed record TransactionValidityError(bool IsUnknown, byte Code, byte Custom = 0)
{
    public static TransactionValidityError Invalid(InvalidTransaction t, byte custom = 0) => new(false, (byte)t, custom);

    public static TransactionValidityError Unknown(UnknownTransaction t, byte custom = 0) => new(true, (byte)t, custom);

    public static readonly TransactionValidityError BadProof = Invalid(InvalidTransaction.BadProof);
    public static readonly TransactionValidityError Stale = Invalid(InvalidTransaction.Stale);
    public static readonly TransactionValidityError Future = Invalid(InvalidTransaction.Future);
    public static readonly TransactionValidityError Payment = Invalid(InvalidTransaction.Payment);
    public static readonly TransactionValidityError ExhaustsResources = Invalid(InvalidTransaction.ExhaustsResources);
    public static readonly TransactionValidityError BadSigner = Invalid(InvalidTransaction.BadSigner);
    public static readonly TransactionValidityError AncientBirthBlock = Invalid(InvalidTransaction.AncientBirthBlock);
    public static readonly TransactionValidityError BadMandatory = Invalid(InvalidTransaction.BadMandatory);
    public static readonly TransactionValidityError MandatoryValidation = Invalid(InvalidTransaction.MandatoryValidation);
    public static readonly TransactionValidityError CallInvalid = Invalid(InvalidTransaction.Call);
    public static readonly TransactionValidityError CannotLookup = Unknown(UnknownTransaction.CannotLookup);
    public static readonly TransactionValidityError NoUnsignedValidator = Unknown(UnknownTransaction.NoUnsignedValidator);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(IsUnknown ? (byte)1 : (byte)0).WriteU8(Code);
        if ((!IsUnknown && Code == (byte)InvalidTransaction.Custom) || (IsUnknown && Code == (byte)UnknownTransaction.Custom))
        {
            writer.WriteU8(Custom);
        }
    }

    public static TransactionValidityError DecodeFrom(ref ScaleReader reader)
    {
        var unknown = reader.ReadEnumIndex(2) == 1;
        var code = reader.ReadEnumIndex(unknown ? 3 : 13);
        var custom = (!unknown && code == (byte)InvalidTransaction.Custom) || (unknown && code == (byte)UnknownTransaction.Custom) ? reader.ReadU8() : (byte)0;
        return new TransactionValidityError(unknown, code, custom);
    }

    public override string ToString() => IsUnknown ? $"Unknown({(UnknownTransaction)Code})" : $"Invalid({(InvalidTransaction)Code})";
}
