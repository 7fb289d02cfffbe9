namespace Subtensor.Core.Crypto;

/// <summary>A secret URI that cannot produce a key; the message is one line and never contains the secret.</summary>
public sealed class SecretUriException : FormatException
{
    public SecretUriException()
    {
    }

    public SecretUriException(string message)
        : base(message)
    {
    }

    public SecretUriException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretUriException(SecretUriErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public SecretUriException(SecretUriErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public SecretUriErrorKind Kind { get; }
}
