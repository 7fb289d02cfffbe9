using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.Node.Commands;

namespace Subtensor.Node.Tests.Commands;

public sealed class SignedBlockFormatTests
{
    private static readonly Hash256 Parent = Hash256.Blake2("parent"u8);

    private static SignedBlock Sample(bool withJustifications) => new(
        new Header(Parent, 0x1a2b, Hash256.Blake2("state"u8), Hash256.Blake2("xts"u8),
            new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, [1, 2, 3]), DigestItem.Other([9])])),
        [[0x08, 0xaa, 0xbb], [0x04, 0xcc]],
        withJustifications ? SignedBlock.EncodeJustifications([("FRNK"u8.ToArray(), [7, 8]), ("BEEF"u8.ToArray(), [])]) : null);

    private static string Json(SignedBlock block)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SignedBlockJson.Write(writer, block);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Json_has_serdes_layout_for_a_signed_block()
    {
        var block = Sample(withJustifications: true);
        var expected =
            "{\"block\":{\"header\":{\"parentHash\":\"" + Parent + "\",\"number\":\"0x1a2b\",\"stateRoot\":\"" + Hash256.Blake2("state"u8) +
            "\",\"extrinsicsRoot\":\"" + Hash256.Blake2("xts"u8) + "\",\"digest\":{\"logs\":[\"0x0661757261" + "0c010203\",\"0x000409\"]}}," +
            "\"extrinsics\":[\"0x08aabb\",\"0x04cc\"]},\"justifications\":[[[70,82,78,75],[7,8]],[[66,69,69,70],[]]]}";
        Assert.Equal(expected, Json(block));
        Assert.EndsWith("\"justifications\":null}", Json(Sample(withJustifications: false)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Json_and_scale_round_trip(bool withJustifications)
    {
        var block = Sample(withJustifications);
        var encoded = block.Encode();
        Assert.Equal(encoded, SignedBlock.Decode(encoded).Encode());
        using var doc = JsonDocument.Parse(Json(block));
        Assert.Equal(encoded, SignedBlockJson.Read(doc.RootElement).Encode());
    }

    [Theory]
    [InlineData("\"number\":\"0x1a2b\"", "\"number\":6699")]              // a plain number is accepted
    [InlineData("\"number\":\"0x1a2b\"", "\"number\":\"0x00001a2b\"")]      // leading zeros
    public void Json_number_forms_are_accepted(string from, string to)
    {
        var text = Json(Sample(false)).Replace(from, to, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(0x1a2bu, SignedBlockJson.Read(doc.RootElement).Header.Number);
    }

    [Theory]
    [InlineData("\"number\":\"0x1a2b\"", "\"number\":\"0x100000000\"", "$.block.header.number")]
    [InlineData("\"number\":\"0x1a2b\"", "\"number\":\"12\"", "$.block.header.number")]
    [InlineData("\"extrinsics\":[\"0x08aabb\"", "\"extrinsics\":[\"0x08aa\"", "$.block.extrinsics[0]")]
    [InlineData("\"justifications\":null", "\"justifications\":null,\"extra\":1", "unknown field 'extra'")]
    [InlineData("\"justifications\":null", "\"justifications\":[[[1,2,3],[]]]", "4 bytes")]
    [InlineData("\"parentHash\":\"0x", "\"parentHash\":\"0x00", "$.block.header.parentHash")]
    public void Bad_json_blocks_are_refused_naming_the_field(string from, string to, string expected)
    {
        var text = Json(Sample(false)).Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Json(Sample(false)), text);
        using var doc = JsonDocument.Parse(text);
        var e = Assert.Throws<FormatException>(() => SignedBlockJson.Read(doc.RootElement));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_stream_reads_values_back_to_back_or_separated_by_whitespace()
    {
        var a = Json(Sample(false));
        var b = Json(Sample(true));
        var big = new string(' ', 200_000); // values larger than one read buffer apart
        var input = new MemoryStream(Encoding.UTF8.GetBytes(a + b + "\n" + big + a + "\r\n\t"));
        var reader = BlockStreamReader.Open(input, binary: false);
        var blocks = reader.ReadAll().ToList();
        Assert.Equal(3, blocks.Count);
        Assert.Equal(3ul, reader.ReadCount);
        Assert.Null(reader.Expected);
        Assert.NotNull(blocks[1].Justifications);
    }

    [Fact]
    public void The_binary_stream_reads_the_announced_count_and_names_the_block_it_cannot_read()
    {
        var one = Sample(true).Encode();
        var two = Sample(false).Encode();
        var count = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(count, 2);
        var reader = BlockStreamReader.Open(new MemoryStream([.. count, .. one, .. two, 0xff]), binary: true);
        Assert.Equal(2ul, reader.Expected);
        Assert.Equal([one, two], reader.ReadAll().Select(b => b.Encode()));

        BinaryPrimitives.WriteUInt64LittleEndian(count, 3);
        var truncated = BlockStreamReader.Open(new MemoryStream([.. count, .. one, .. two, .. one[..40]]), binary: true);
        using var blocks = truncated.ReadAll().GetEnumerator();
        Assert.True(blocks.MoveNext());
        Assert.True(blocks.MoveNext());
        var e = Assert.Throws<FormatException>(() => blocks.MoveNext());
        Assert.StartsWith("error reading block 3 of 3 in the input: unexpected end of input", e.Message, StringComparison.Ordinal);
    }
}
