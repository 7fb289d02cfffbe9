namespace Subtensor.Storage.RocksDb;

/// <summary>
/// RocksDB reported an error. <see cref="RocksDbMessage"/> is RocksDB's own status string (for example
/// <c>"Corruption: ..."</c> or <c>"IO error: While lock file: ...: Resource temporarily unavailable"</c>).
/// </summary>
public sealed class RocksDbException : StorageException
{
    public RocksDbException(string operation, string rocksDbMessage)
        : base($"RocksDB {operation} failed: {rocksDbMessage}")
    {
        Operation = operation;
        RocksDbMessage = rocksDbMessage;
    }

    public RocksDbException()
        : this("operation", "unknown error")
    {
    }

    public RocksDbException(string message)
        : this("operation", message)
    {
    }

    public RocksDbException(string message, Exception inner)
        : base(message, inner)
    {
        Operation = "operation";
        RocksDbMessage = message;
    }

    /// <summary>What was being done: "open", "get", "write", ...</summary>
    public string Operation { get; }

    /// <summary>RocksDB's status string, unchanged.</summary>
    public string RocksDbMessage { get; }

    /// <summary>The status code part of <see cref="RocksDbMessage"/> ("Corruption", "IO error", "Invalid argument", ...).</summary>
    public string StatusCode
    {
        get
        {
            var colon = RocksDbMessage.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? RocksDbMessage : RocksDbMessage[..colon];
        }
    }

    /// <summary>RocksDB found damaged data (a bad checksum, a truncated or unreadable file).</summary>
    public bool IsCorruption => StatusCode == "Corruption";
}
