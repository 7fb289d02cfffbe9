using System.Buffers.Binary;
using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Node.Commands;

/// <summary>
/// Reads the blocks of an <c>export-blocks</c> file as Substrate's <c>import-blocks</c> does (sc-service
/// <c>chain_ops::import_blocks</c>): binary = a u64 (LE) block count, then that many SCALE <c>SignedBlock</c>s, read
/// one at a time from the stream; JSON = a stream of <c>SignedBlock</c> JSON values (separated by nothing or by
/// whitespace). A block that cannot be read throws <see cref="FormatException"/> naming its position in the input.
/// </summary>
internal sealed class BlockStreamReader
{
    /// <summary>Largest extrinsic, digest item or justification accepted (far above any block Subtensor allows).</summary>
    private const int MaxItemBytes = 64 << 20;

    private readonly Stream _input;
    private readonly bool _binary;
    private readonly MemoryStream _block = new();

    private BlockStreamReader(Stream input, bool binary, ulong? expected)
    {
        _input = input;
        _binary = binary;
        Expected = expected;
    }

    /// <summary>The number of blocks a binary input announces; null for JSON.</summary>
    public ulong? Expected { get; }

    /// <summary>Blocks read so far (the failed one included once reading fails).</summary>
    public ulong ReadCount { get; private set; }

    /// <summary>Starts reading; for binary input the block count is read now.</summary>
    public static BlockStreamReader Open(Stream input, bool binary)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!binary)
        {
            return new BlockStreamReader(input, binary, null);
        }

        Span<byte> count = stackalloc byte[8];
        if (input.ReadAtLeast(count, 8, throwOnEndOfStream: false) != 8)
        {
            throw new FormatException("failed to decode the number of blocks: the input is shorter than its 8-byte block count (is it a --binary export?)");
        }

        return new BlockStreamReader(input, binary, BinaryPrimitives.ReadUInt64LittleEndian(count));
    }

    public IEnumerable<SignedBlock> ReadAll() => _binary ? ReadBinary() : ReadJson();

    private IEnumerable<SignedBlock> ReadBinary()
    {
        while (ReadCount < Expected)
        {
            ReadCount++;
            SignedBlock block;
            try
            {
                block = ReadOneBinary();
            }
            catch (Exception e) when (e is FormatException or ScaleDecodeException or EndOfStreamException)
            {
                throw new FormatException($"error reading block {ReadCount} of {Expected} in the input: {e.Message}", e);
            }

            yield return block;
        }
    }

    private IEnumerable<SignedBlock> ReadJson()
    {
        var json = new JsonValueStream(_input);
        while (true)
        {
            ReadCount++;
            SignedBlock block;
            try
            {
                if (json.Next() is not { } value)
                {
                    ReadCount--;
                    yield break;
                }

                block = SignedBlockJson.Read(value);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new FormatException($"error reading block {ReadCount} of the input: {e.Message}", e);
            }

            yield return block;
        }
    }

    /// <summary>Reads the bytes of one SCALE signed block off the stream (following its structure), then decodes them.</summary>
    private SignedBlock ReadOneBinary()
    {
        _block.SetLength(0);
        Copy(32); // parent hash
        _ = CopyCompact(); // number
        Copy(64); // state root, extrinsics root
        var logs = CopyCompact();
        for (ulong i = 0; i < logs; i++)
        {
            var kind = (DigestItemKind)CopyByte();
            switch (kind)
            {
                case DigestItemKind.Other:
                    CopyByteVec();
                    break;
                case DigestItemKind.Consensus or DigestItemKind.Seal or DigestItemKind.PreRuntime:
                    Copy(4);
                    CopyByteVec();
                    break;
                case DigestItemKind.RuntimeEnvironmentUpdated:
                    break;
                default:
                    throw new FormatException($"unknown digest item type {(byte)kind}");
            }
        }

        var extrinsics = CopyCompact();
        for (ulong i = 0; i < extrinsics; i++)
        {
            CopyByteVec();
        }

        var tag = CopyByte();
        if (tag == 1)
        {
            var justifications = CopyCompact();
            for (ulong i = 0; i < justifications; i++)
            {
                Copy(4);
                CopyByteVec();
            }
        }
        else if (tag != 0)
        {
            throw new FormatException($"invalid Option tag {tag} for the justifications");
        }

        return SignedBlock.Decode(_block.GetBuffer().AsSpan(0, (int)_block.Length));
    }

    private void Copy(int count)
    {
        var buffer = new byte[Math.Min(count, 1 << 16)];
        var left = count;
        while (left > 0)
        {
            var chunk = Math.Min(left, buffer.Length);
            if (_input.ReadAtLeast(buffer.AsSpan(0, chunk), chunk, throwOnEndOfStream: false) != chunk)
            {
                throw new EndOfStreamException("unexpected end of input");
            }

            _block.Write(buffer, 0, chunk);
            left -= chunk;
        }
    }

    private byte CopyByte()
    {
        var b = _input.ReadByte();
        if (b < 0)
        {
            throw new EndOfStreamException("unexpected end of input");
        }

        _block.WriteByte((byte)b);
        return (byte)b;
    }

    /// <summary>A SCALE compact integer (modes per parity-scale-codec); values above u64 are refused.</summary>
    private ulong CopyCompact()
    {
        var first = CopyByte();
        switch (first & 3)
        {
            case 0:
                return (ulong)(first >> 2);
            case 1:
                return ((ulong)first >> 2) | ((ulong)CopyByte() << 6);
            case 2:
                var value = (ulong)first >> 2;
                for (var i = 0; i < 3; i++)
                {
                    value |= (ulong)CopyByte() << (6 + (8 * i));
                }

                return value;
            default:
                var bytes = (first >> 2) + 4;
                ulong big = 0;
                for (var i = 0; i < bytes; i++)
                {
                    var b = CopyByte();
                    if (i >= 8 && b != 0)
                    {
                        throw new FormatException("a compact integer exceeds 64 bits");
                    }

                    if (i < 8)
                    {
                        big |= (ulong)b << (8 * i);
                    }
                }

                return big;
        }
    }

    private void CopyByteVec()
    {
        var length = CopyCompact();
        if (length > MaxItemBytes)
        {
            throw new FormatException($"an item claims {length} bytes, more than the {MaxItemBytes} accepted");
        }

        Copy((int)length);
    }
}
