using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>A transaction in the pool with its latest validity.</summary>
public sealed class PoolTransaction
{
    internal PoolTransaction(Hash256 hash, byte[] bytes, TransactionSource source, ValidTransaction validity, long insertionId, ulong validatedAt)
    {
        Hash = hash;
        Bytes = bytes;
        Source = source;
        Validity = validity;
        InsertionId = insertionId;
        ValidatedAt = validatedAt;
        RequireKeys = validity.Requires.Select(TagKey).ToArray();
        ProvideKeys = validity.Provides.Select(TagKey).ToArray();
    }

    public Hash256 Hash { get; }

    /// <summary>The encoded extrinsic (with its length prefix), as submitted and as it goes into a block body.</summary>
    public byte[] Bytes { get; }

    public TransactionSource Source { get; }

    public ValidTransaction Validity { get; private set; }

    public long InsertionId { get; }

    /// <summary>Block number at which the validity was last computed.</summary>
    public ulong ValidatedAt { get; private set; }

    public bool IsReady { get; internal set; }

    internal string[] RequireKeys { get; private set; }

    internal string[] ProvideKeys { get; private set; }

    internal List<TransactionWatcher> Watchers { get; } = [];

    /// <summary>Last block number at which the transaction is still valid.</summary>
    public ulong ValidTill => ValidatedAt + Validity.Longevity < ValidatedAt ? ulong.MaxValue : ValidatedAt + Validity.Longevity;

    internal void Revalidated(ValidTransaction validity, ulong at)
    {
        Validity = validity;
        ValidatedAt = at;
        RequireKeys = validity.Requires.Select(TagKey).ToArray();
        ProvideKeys = validity.Provides.Select(TagKey).ToArray();
    }

    internal static string TagKey(byte[] tag) => Convert.ToHexString(tag);
}
