namespace Subtensor.Trie;

/// <summary>A trie node encoding that does not follow the Substrate codec: what is wrong and at which byte.</summary>
public sealed class InvalidTrieNodeException : FormatException
{
    public InvalidTrieNodeException(string reason, int offset)
        : base($"invalid trie node at byte {offset}: {reason}")
    {
        Reason = reason;
        Offset = offset;
    }

    public InvalidTrieNodeException()
        : this("invalid trie node", 0)
    {
    }

    public InvalidTrieNodeException(string message)
        : this(message, 0)
    {
    }

    public InvalidTrieNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; } = "";

    /// <summary>Byte offset in the node encoding at which decoding failed.</summary>
    public int Offset { get; }
}
