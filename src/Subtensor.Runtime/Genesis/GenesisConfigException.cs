namespace Subtensor.Runtime.Genesis;

/// <summary>A genesis config or chain spec that cannot be turned into storage, with the reason.</summary>
public sealed class GenesisConfigException : Exception
{
    public GenesisConfigException()
    {
    }

    public GenesisConfigException(string message) : base(message)
    {
    }

    public GenesisConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
