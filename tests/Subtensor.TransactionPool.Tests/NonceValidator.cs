using System.Buffers.Binary;
using Subtensor.Core.Types;

namespace Subtensor.TransactionPool.Tests;

/// <summary>
/// A validator modelled on FRAME's CheckNonce: a transaction is [account u8][nonce u32][priority u64][salt...];
/// it provides (account, nonce), requires (account, nonce-1) when ahead of the chain, and is stale when behind.
/// </summary>
internal sealed class NonceValidator : ITransactionValidator
{
    public Dictionary<byte, uint> ChainNonces { get; } = [];

    public int Calls { get; private set; }

    public HashSet<byte> BadSigners { get; } = [];

    public static byte[] Tx(byte account, uint nonce, ulong priority = 1, byte salt = 0)
    {
        var bytes = new byte[14];
        bytes[0] = account;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), nonce);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(5), priority);
        bytes[13] = salt;
        return bytes;
    }

    public ValidationResult Validate(TransactionSource source, ReadOnlyMemory<byte> extrinsic, Hash256 atBlock)
    {
        Calls++;
        var span = extrinsic.Span;
        if (span.Length != 14)
        {
            return ValidationResult.Invalid("Could not decode");
        }

        var account = span[0];
        if (BadSigners.Contains(account))
        {
            return ValidationResult.Invalid("Transaction has a bad signature");
        }

        var nonce = BinaryPrimitives.ReadUInt32LittleEndian(span[1..]);
        var priority = BinaryPrimitives.ReadUInt64LittleEndian(span[5..]);
        var current = ChainNonces.GetValueOrDefault(account);
        if (nonce < current)
        {
            return ValidationResult.Invalid("Transaction is outdated");
        }

        var provides = new List<byte[]> { Tag(account, nonce) };
        var requires = nonce > current ? new List<byte[]> { Tag(account, nonce - 1) } : [];
        return ValidationResult.Ok(new ValidTransaction(priority, requires, provides, 64, true));
    }

    private static byte[] Tag(byte account, uint nonce)
    {
        var tag = new byte[5];
        tag[0] = account;
        BinaryPrimitives.WriteUInt32LittleEndian(tag.AsSpan(1), nonce);
        return tag;
    }
}
