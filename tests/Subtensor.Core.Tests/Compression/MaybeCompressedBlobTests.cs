using Subtensor.Core.Compression;

namespace Subtensor.Core.Tests.Compression;

public class MaybeCompressedBlobTests
{
    // A zstd frame (RFC 8878) of raw blocks: magic, descriptor 0xa0 (single segment, 4-byte content size), then
    // 3-byte block headers (last flag, type 0 = raw, size) each followed by the bytes.
    private static byte[] RawFrame(byte[] content, bool declareSize = true, bool truncate = false)
    {
        var frame = new List<byte> { 0x28, 0xb5, 0x2f, 0xfd };
        if (declareSize)
        {
            frame.Add(0xa0);
            frame.AddRange(BitConverter.GetBytes((uint)content.Length));
        }
        else
        {
            frame.Add(0x00);
            frame.Add(0x58); // window descriptor: 2^(10 + 11) = 2 MiB
        }

        var at = 0;
        do
        {
            var size = Math.Min(128 * 1024, content.Length - at);
            var last = at + size >= content.Length ? 1 : 0;
            var header = (size << 3) | last;
            frame.AddRange([(byte)header, (byte)(header >> 8), (byte)(header >> 16)]);
            frame.AddRange(content.AsSpan(at, size).ToArray());
            at += size;
        }
        while (at < content.Length);

        var bytes = frame.ToArray();
        return truncate ? bytes[..^5] : bytes;
    }

    private static byte[] Prefixed(byte[] frame) => [.. MaybeCompressedBlob.ZstdPrefix, .. frame];

    [Fact]
    public void Blob_without_prefix_is_returned_unchanged()
    {
        byte[] blob = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
        Assert.False(MaybeCompressedBlob.IsCompressed(blob));
        Assert.Equal(blob, MaybeCompressedBlob.Decompress(blob));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(131072)]
    [InlineData(300_000)]
    public void Prefixed_zstd_frames_are_decompressed(int size)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        Assert.Equal(content, MaybeCompressedBlob.Decompress(Prefixed(RawFrame(content))));
        Assert.Equal(content, MaybeCompressedBlob.Decompress(Prefixed(RawFrame(content, declareSize: false))));
    }

    [Fact]
    public void Output_beyond_the_bomb_limit_is_refused()
    {
        var content = new byte[10_000];
        var blob = Prefixed(RawFrame(content));
        Assert.Equal(content, MaybeCompressedBlob.Decompress(blob, bombLimit: 10_000));
        var e = Assert.Throws<InvalidDataException>(() => MaybeCompressedBlob.Decompress(blob, bombLimit: 9_999));
        Assert.Contains("bomb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_or_truncated_streams_are_errors()
    {
        Assert.Throws<InvalidDataException>(() => MaybeCompressedBlob.Decompress(Prefixed(RawFrame(new byte[100], truncate: true))));
        Assert.Throws<InvalidDataException>(() => MaybeCompressedBlob.Decompress(Prefixed([0x28, 0xb5, 0x2f, 0xfe, 0, 0, 0])));
        Assert.Throws<InvalidDataException>(() => MaybeCompressedBlob.Decompress(Prefixed([])));
    }

    [Fact]
    public void Real_subtensor_code_prefix_is_recognised()
    {
        var start = Convert.FromHexString("52bc537646db8e0528b52ffd");
        Assert.True(MaybeCompressedBlob.IsCompressed(start));
    }
}
