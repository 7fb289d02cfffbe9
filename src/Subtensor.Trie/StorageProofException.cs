namespace Subtensor.Trie;

/// <summary>A storage proof does not prove what was asked: a node is missing, altered or malformed.</summary>
public sealed class StorageProofException : Exception
{
    public StorageProofException()
        : this("invalid storage proof")
    {
    }

    public StorageProofException(string message)
        : base(message)
    {
    }

    public StorageProofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
