namespace Subtensor.ChainSpec;

/// <summary>A chain spec that cannot be used: what is wrong and where (a JSON path such as <c>$.genesis.raw.top["0x00"]</c>).</summary>
public sealed class ChainSpecException : FormatException
{
    public ChainSpecException(string reason, string jsonPath)
        : base($"{jsonPath}: {reason}")
    {
        Reason = reason;
        JsonPath = jsonPath;
    }

    public ChainSpecException(string reason, string jsonPath, Exception innerException)
        : base($"{jsonPath}: {reason}", innerException)
    {
        Reason = reason;
        JsonPath = jsonPath;
    }

    public ChainSpecException()
        : this("invalid chain spec", "$")
    {
    }

    public ChainSpecException(string message)
        : this(message, "$")
    {
    }

    public ChainSpecException(string message, Exception innerException)
        : this(message, "$", innerException)
    {
    }

    public string Reason { get; } = "";

    /// <summary>Where in the document the problem is; <c>$</c> is the root.</summary>
    public string JsonPath { get; } = "$";
}
