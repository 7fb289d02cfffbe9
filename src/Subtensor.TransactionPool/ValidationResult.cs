namespace Subtensor.TransactionPool;

/// <summary>Outcome of validating one transaction: valid, or an error in Substrate's two families.</summary>
public sealed record ValidationResult(ValidTransaction? Valid, TransactionPoolErrorKind ErrorKind = TransactionPoolErrorKind.InvalidTransaction, string? ErrorData = null)
{
    public bool IsValid => Valid is not null;

    public static ValidationResult Ok(ValidTransaction valid) => new(valid);

    /// <summary><c>TransactionValidityError::Invalid</c>, with the runtime's reason ("Transaction is outdated", …).</summary>
    public static ValidationResult Invalid(string reason) => new(null, TransactionPoolErrorKind.InvalidTransaction, reason);

    /// <summary><c>TransactionValidityError::Unknown</c>.</summary>
    public static ValidationResult Unknown(string reason) => new(null, TransactionPoolErrorKind.UnknownValidity, reason);
}
