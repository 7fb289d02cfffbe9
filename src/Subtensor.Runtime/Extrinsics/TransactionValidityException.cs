namespace Subtensor.Runtime.Extrinsics;

/// <summary>An extrinsic refused before dispatch (signature, extensions, limits): carries the validity error.</summary>
public sealed class TransactionValidityException : Exception
{
    public TransactionValidityException(TransactionValidityError error)
        : base($"transaction is not valid: {error}")
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    public TransactionValidityException() : this(TransactionValidityError.CallInvalid) { }

    public TransactionValidityException(string message) : base(message) { Error = TransactionValidityError.CallInvalid; }

    public TransactionValidityException(string message, Exception inner) : base(message, inner) { Error = TransactionValidityError.CallInvalid; }

    public TransactionValidityError Error { get; }
}
