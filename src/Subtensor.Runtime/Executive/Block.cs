using Subtensor.Core.Types;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Pallets.FrameSystem;

namespace Subtensor.Runtime.Executive;

/// <summary>A block as the runtime sees it (seal removed): header and the length-prefixed extrinsics.</summary>
public sealed record Block(Header Header, IReadOnlyList<byte[]> Extrinsics)
{
    /// <summary>SCALE <c>Block</c>: header, then <c>Vec&lt;UncheckedExtrinsic&gt;</c> (each already length-prefixed).</summary>
    public byte[] Encode()
    {
        var w = new ScaleWriter(256);
        Header.EncodeTo(w);
        w.WriteCompact((uint)Extrinsics.Count);
        foreach (var x in Extrinsics)
        {
            w.WriteBytes(x);
        }

        return w.ToArray();
    }

    /// <summary>Reads a block; each extrinsic keeps its own length prefix.</summary>
    public static Block Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var block = DecodeFrom(ref reader, bytes);
        reader.EnsureAtEnd();
        return block;
    }

    /// <summary>Reads a block from <paramref name="reader"/>, which must be positioned within <paramref name="whole"/>.</summary>
    public static Block DecodeFrom(ref ScaleReader reader, ReadOnlySpan<byte> whole)
    {
        var header = Header.DecodeFrom(ref reader);
        var count = reader.ReadLength(1);
        var xts = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var len = reader.ReadCompactU32();
            if (len > reader.Remaining)
            {
                throw new ScaleDecodeException($"extrinsic {i} claims {len} bytes, {reader.Remaining} left", start);
            }

            reader.ReadBytes((int)len);
            xts.Add(whole[start..reader.Position].ToArray());
        }

        return new Block(header, xts);
    }
}
