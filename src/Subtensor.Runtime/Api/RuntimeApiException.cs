namespace Subtensor.Runtime.Api;

/// <summary>A runtime API call that cannot be answered: unknown method, undecodable arguments, or a missing host capability.</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message) : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
