using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Node.Commands;

/// <summary>
/// A block with its justifications, as <c>export-blocks</c> writes and <c>import-blocks</c> reads it
/// (<c>sp_runtime::generic::SignedBlock</c>): SCALE header ‖ <c>Vec&lt;Extrinsic&gt;</c> ‖ <c>Option&lt;Justifications&gt;</c>.
/// Extrinsics keep their own length prefix; <see cref="Justifications"/> is the SCALE <c>Justifications</c>
/// (<c>Vec&lt;(ConsensusEngineId, Vec&lt;u8&gt;)&gt;</c>) as the database stores it.
/// </summary>
internal sealed record SignedBlock(Header Header, IReadOnlyList<byte[]> Extrinsics, byte[]? Justifications)
{
    /// <summary>The encoding of a block read from the database: header ‖ stored body ‖ Option tag ‖ stored justifications.</summary>
    public static byte[] EncodeStored(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> justifications, bool hasJustifications)
    {
        var w = new ScaleWriter(header.Length + body.Length + justifications.Length + 1);
        w.WriteBytes(header).WriteBytes(body).WriteOptionTag(hasJustifications);
        if (hasJustifications)
        {
            w.WriteBytes(justifications);
        }

        return w.ToArray();
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter(256);
        Header.EncodeTo(w);
        w.WriteCompact((uint)Extrinsics.Count);
        foreach (var xt in Extrinsics)
        {
            w.WriteBytes(xt);
        }

        w.WriteOptionTag(Justifications is not null);
        if (Justifications is not null)
        {
            w.WriteBytes(Justifications);
        }

        return w.ToArray();
    }

    /// <summary>Decodes exactly one signed block; throws <see cref="ScaleDecodeException"/>.</summary>
    public static SignedBlock Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var header = Header.DecodeFrom(ref reader);
        var extrinsics = ReadExtrinsics(ref reader, bytes);
        byte[]? justifications = null;
        if (reader.ReadOptionTag())
        {
            var start = reader.Position;
            SkipJustifications(ref reader);
            justifications = bytes[start..reader.Position].ToArray();
        }

        reader.EnsureAtEnd();
        return new SignedBlock(header, extrinsics, justifications);
    }

    /// <summary>The (engine, data) pairs of SCALE <c>Justifications</c>.</summary>
    public static IReadOnlyList<(byte[] Engine, byte[] Data)> DecodeJustifications(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var list = reader.ReadVec((ref ScaleReader r) => (r.ReadFixed(4), r.ReadByteVec()), 5);
        reader.EnsureAtEnd();
        return list;
    }

    public static byte[] EncodeJustifications(IReadOnlyList<(byte[] Engine, byte[] Data)> justifications)
    {
        ArgumentNullException.ThrowIfNull(justifications);
        var w = new ScaleWriter();
        w.WriteCompact((uint)justifications.Count);
        foreach (var (engine, data) in justifications)
        {
            if (engine.Length != 4)
            {
                throw new FormatException($"a consensus engine id is 4 bytes, got {engine.Length}");
            }

            w.WriteBytes(engine).WriteByteVec(data);
        }

        return w.ToArray();
    }

    private static List<byte[]> ReadExtrinsics(ref ScaleReader reader, ReadOnlySpan<byte> whole)
    {
        var count = reader.ReadLength(1);
        var list = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var length = reader.ReadCompactU32();
            if (length > reader.Remaining)
            {
                throw new ScaleDecodeException($"extrinsic {i} claims {length} bytes, {reader.Remaining} left", start);
            }

            reader.ReadBytes((int)length);
            list.Add(whole[start..reader.Position].ToArray());
        }

        return list;
    }

    private static void SkipJustifications(ref ScaleReader reader)
    {
        var count = reader.ReadLength(5);
        for (var i = 0; i < count; i++)
        {
            reader.ReadBytes(4);
            reader.ReadByteSequence();
        }
    }
}
