namespace Subtensor.Core.Crypto;

/// <summary>An SS58 address that cannot be decoded; <see cref="Kind"/> says why.</summary>
public sealed class Ss58Exception : FormatException
{
    public Ss58Exception()
    {
    }

    public Ss58Exception(string message)
        : base(message)
    {
    }

    public Ss58Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Ss58Exception(Ss58ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public Ss58ErrorKind Kind { get; }
}
