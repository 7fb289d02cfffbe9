namespace Subtensor.TransactionPool;

/// <summary>The pool refused a transaction; <see cref="Kind"/> is Substrate's error code, <see cref="Data"/> the detail.</summary>
public sealed class TransactionPoolException : Exception
{
    public TransactionPoolException(TransactionPoolErrorKind kind, string message, string? data = null)
        : base(message)
    {
        Kind = kind;
        Detail = data;
    }

    public TransactionPoolException() : this(TransactionPoolErrorKind.InvalidTransaction, "Invalid Transaction") { }

    public TransactionPoolException(string message) : this(TransactionPoolErrorKind.InvalidTransaction, message) { }

    public TransactionPoolException(string message, Exception innerException) : base(message, innerException) { }

    public TransactionPoolErrorKind Kind { get; }

    /// <summary>The JSON-RPC <c>data</c> field (the runtime's reason), if any.</summary>
    public string? Detail { get; }

    /// <summary>The exception for a failed validation, with Substrate's message for the kind.</summary>
    public static TransactionPoolException FromValidation(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ErrorKind switch
        {
            TransactionPoolErrorKind.UnknownValidity => new(result.ErrorKind, "Unknown Transaction Validity", result.ErrorData),
            _ => new(TransactionPoolErrorKind.InvalidTransaction, "Invalid Transaction", result.ErrorData),
        };
    }
}
