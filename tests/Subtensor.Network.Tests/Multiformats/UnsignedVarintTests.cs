using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Tests.Multiformats;

public class UnsignedVarintTests
{
    // Examples from the multiformats unsigned-varint README.
    [Theory]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(255UL, "ff01")]
    [InlineData(300UL, "ac02")]
    [InlineData(16384UL, "808001")]
    public void Encodes_and_decodes_spec_examples(ulong value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(UnsignedVarint.Encode(value)));
        Assert.True(UnsignedVarint.TryRead(Convert.FromHexString(hex), out var decoded, out var consumed));
        Assert.Equal(value, decoded);
        Assert.Equal(hex.Length / 2, consumed);
    }

    [Fact]
    public void Rejects_non_minimal_encoding()
        => Assert.Throws<FormatException>(() => UnsignedVarint.TryRead([0x81, 0x00], out _, out _));

    [Fact]
    public void Rejects_more_than_nine_bytes()
        => Assert.Throws<FormatException>(() => UnsignedVarint.TryRead([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], out _, out _));

    [Fact]
    public void Reports_truncated_input_as_incomplete()
    {
        Assert.False(UnsignedVarint.TryRead([0x80, 0x80], out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public async Task Reads_from_a_stream_without_consuming_the_following_bytes()
    {
        using var stream = new MemoryStream([0xac, 0x02, 0x55]);
        Assert.Equal(300UL, await UnsignedVarint.ReadAsync(stream, CancellationToken.None));
        Assert.Equal(0x55, stream.ReadByte());
        Assert.Null(await UnsignedVarint.ReadAsync(stream, CancellationToken.None));
    }

    [Fact]
    public async Task Stream_ending_inside_a_varint_throws()
    {
        using var stream = new MemoryStream([0x80]);
        await Assert.ThrowsAsync<EndOfStreamException>(async () => await UnsignedVarint.ReadAsync(stream, CancellationToken.None));
    }
}
