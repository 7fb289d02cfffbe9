using System.Buffers.Binary;
using System.Text;
using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>Key layouts of the chain database (see <see cref="ChainColumns"/>). Numbers are big-endian so keys sort by number.</summary>
internal static class ChainKeys
{
    public const byte CanonicalPrefix = (byte)'n';
    public const byte UnfinalizedPrefix = (byte)'u';
    public const byte JournalPrefix = (byte)'j';

    public static readonly byte[] SchemaVersion = Encoding.ASCII.GetBytes("schema");
    public static readonly byte[] Genesis = Encoding.ASCII.GetBytes("genesis");
    public static readonly byte[] Best = Encoding.ASCII.GetBytes("best");
    public static readonly byte[] Finalized = Encoding.ASCII.GetBytes("final");
    public static readonly byte[] StatePruning = Encoding.ASCII.GetBytes("state_pruning");
    public static readonly byte[] BlocksPruning = Encoding.ASCII.GetBytes("blocks_pruning");
    public static readonly byte[] StateFloor = Encoding.ASCII.GetBytes("state_floor");
    public static readonly byte[] BlocksFloor = Encoding.ASCII.GetBytes("blocks_floor");

    public static byte[] Hash(Hash256 hash) => hash.ToArray();

    public static byte[] Canonical(uint number)
    {
        var key = new byte[5];
        key[0] = CanonicalPrefix;
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(1), number);
        return key;
    }

    public static byte[] Unfinalized(uint number, Hash256 hash) => NumberAndHash(UnfinalizedPrefix, number, hash);

    public static byte[] Journal(uint number, Hash256 hash) => NumberAndHash(JournalPrefix, number, hash);

    /// <summary>Splits a 'u'/'j' key into number and hash.</summary>
    public static (uint Number, Hash256 Hash) ParseNumberAndHash(ReadOnlySpan<byte> key)
    {
        if (key.Length != 37)
        {
            throw new DatabaseCorruptedException($"malformed number-and-hash key of {key.Length} bytes");
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(key[1..]), new Hash256(key[5..]));
    }

    /// <summary>A best/finalized/genesis record: hash ‖ number (u32 LE).</summary>
    public static byte[] EncodeBlockRef(BlockRef block)
    {
        var value = new byte[36];
        block.Hash.CopyTo(value);
        BinaryPrimitives.WriteUInt32LittleEndian(value.AsSpan(32), block.Number);
        return value;
    }

    public static BlockRef DecodeBlockRef(byte[] value, string what)
    {
        if (value.Length != 36)
        {
            throw new DatabaseCorruptedException($"the '{what}' record is {value.Length} bytes, expected 36");
        }

        return new BlockRef(new Hash256(value.AsSpan(0, 32)), BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(32)));
    }

    public static byte[] EncodeU32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    public static uint DecodeU32(byte[] value, string what)
        => value.Length == 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(value)
            : throw new DatabaseCorruptedException($"the '{what}' record is {value.Length} bytes, expected 4");

    private static byte[] NumberAndHash(byte prefix, uint number, Hash256 hash)
    {
        var key = new byte[37];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(1), number);
        hash.CopyTo(key.AsSpan(5));
        return key;
    }
}
