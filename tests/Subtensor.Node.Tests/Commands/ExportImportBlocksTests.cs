using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.Node.Commands;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class ExportImportBlocksTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Source()
    {
        var path = _dir.Sub("source");
        ChainTemplate.CopyTo(path);
        return path;
    }

    private static (BlockRef Best, BlockRef Finalized, Hash256 StateRoot) Open(string basePath)
    {
        using var db = ChainDatabase.Open(ChainTemplate.DatabasePath(basePath), new ChainDatabaseOptions());
        return (db.Best!.Value, db.Finalized!.Value, db.GetHeaderInfo(db.Best!.Value.Hash)!.StateRoot);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Export_then_import_into_a_fresh_base_path_gives_the_same_best_block_and_state_root(bool binary)
    {
        var source = Source();
        var file = _dir.Sub(binary ? "blocks.bin" : "blocks.json");
        string[] format = binary ? ["--binary"] : [];
        var export = CliHarness.Run(["export-blocks", "--chain", "dev", "--base-path", source, .. format, file]);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains("Exporting blocks from #1 to #6", export.Stderr, StringComparison.Ordinal);
        Assert.Empty(export.Stdout);
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*partial"));

        var target = _dir.Sub("target");
        var import = CliHarness.Run(["import-blocks", "--chain", "dev", "--base-path", target, .. format, file]);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"Imported {ChainTemplate.Length} blocks (0 already known). Best: #{ChainTemplate.Length} ({ChainTemplate.Hashes[^1]})", import.Stderr, StringComparison.Ordinal);

        var (best, finalized, root) = Open(target);
        Assert.Equal(new BlockRef(ChainTemplate.Hashes[^1], ChainTemplate.Length), best);
        Assert.Equal(ChainTemplate.Headers[^1].StateRoot, root);
        Assert.Equal(0u, finalized.Number); // finality is not imported without verified justifications

        // a second import skips every block
        var again = CliHarness.Run(["import-blocks", "--chain", "dev", "--base-path", target, .. format, file]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains($"Imported 0 blocks ({ChainTemplate.Length} already known)", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_export_is_the_block_count_then_the_scale_signed_blocks()
    {
        var source = Source();
        var file = _dir.Sub("blocks.bin");
        var export = CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--binary", "--from", "2", "--to", "4", file);
        Assert.Equal(0, export.ExitCode);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal([.. ChainTemplate.Encoded[2], .. ChainTemplate.Encoded[3], .. ChainTemplate.Encoded[4]], bytes[8..]);
    }

    [Fact]
    public void Json_export_to_stdout_is_serde_signed_blocks_back_to_back()
    {
        var source = Source();
        var export = CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--from", "0", "--to", "3");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.StartsWith("{\"block\":{\"header\":{\"parentHash\":\"0x", export.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\n{", export.Stdout, StringComparison.Ordinal);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(export.Stdout), new JsonReaderOptions { AllowMultipleValues = true });
        var number = 0;
        while (JsonDocument.TryParseValue(ref reader, out var doc))
        {
            using (doc)
            {
                var header = doc.RootElement.GetProperty("block").GetProperty("header");
                Assert.Equal("0x" + number.ToString("x"), header.GetProperty("number").GetString());
                Assert.Equal(ChainTemplate.Headers[number].StateRoot.ToString(), header.GetProperty("stateRoot").GetString());
                Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("justifications").ValueKind);
                var block = SignedBlockJson.Read(doc.RootElement);
                Assert.Equal(ChainTemplate.Encoded[number], block.Encode());
                number++;
            }

            if (!reader.Read())
            {
                break;
            }
        }

        Assert.Equal(4, number);
    }

    [Fact]
    public void A_corrupted_binary_export_stops_at_the_bad_block_with_nothing_committed_after_the_last_good_one()
    {
        var source = Source();
        var file = _dir.Sub("blocks.bin");
        Assert.Equal(0, CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--binary", file).ExitCode);
        var bytes = File.ReadAllBytes(file);
        var offset = 8 + ChainTemplate.Encoded[1].Length + ChainTemplate.Encoded[2].Length;
        bytes[offset + 32 + 1 + 5] ^= 0x01; // a bit of block #3's state root: its seal no longer matches
        File.WriteAllBytes(file, bytes);

        var target = _dir.Sub("target");
        var import = CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", target, "--binary", file);
        CommandAssert.OneLineError(import, "block #3 (");
        Assert.Contains("stopped after importing 2 block(s)", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(new BlockRef(ChainTemplate.Hashes[2], 2), Open(target).Best);
    }

    [Fact]
    public void A_truncated_json_export_stops_at_the_unreadable_block()
    {
        var source = Source();
        var file = _dir.Sub("blocks.json");
        Assert.Equal(0, CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, file).ExitCode);
        var text = File.ReadAllText(file);
        var blocks = text.Split("}{\"block\"");
        Assert.Equal(ChainTemplate.Length, blocks.Length);
        File.WriteAllText(file, text[..(text.Length - blocks[^1].Length - blocks[^2].Length / 2)]); // cut inside block 5

        var target = _dir.Sub("target");
        var import = CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", target, file);
        CommandAssert.OneLineError(import, "error reading block 5 of the input");
        Assert.Equal(new BlockRef(ChainTemplate.Hashes[4], 4), Open(target).Best);
    }

    [Fact]
    public void Blocks_of_another_order_or_chain_are_refused_by_number()
    {
        var source = Source();
        var file = _dir.Sub("blocks.bin");
        Assert.Equal(0, CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--binary", "--from", "3", file).ExitCode);
        var target = _dir.Sub("target");
        var import = CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", target, "--binary", file);
        CommandAssert.OneLineError(import, $"block #3 ({ChainTemplate.Hashes[3]}) was not imported: its parent {ChainTemplate.Hashes[2]} is unknown");
        Assert.Equal(0u, Open(target).Best.Number); // the fresh database holds only its genesis
    }

    [Fact]
    public void Bad_arguments_fail_with_one_line_and_write_nothing()
    {
        var source = Source();
        var file = _dir.Sub("out.json");
        CommandAssert.OneLineError(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--from", "5", "--to", "2", file), "Invalid block range");
        CommandAssert.OneLineError(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--to", "7", file), "above the best block #6");
        CommandAssert.OneLineError(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--from", "x"), "invalid --from 'x'");
        Assert.False(File.Exists(file));

        var empty = _dir.Sub("empty");
        CommandAssert.OneLineError(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", empty, file), "no chain database");
        Assert.False(Directory.Exists(empty));

        CommandAssert.OneLineError(CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", empty, _dir.Sub("missing.bin")), "cannot read");
        Assert.False(Directory.Exists(empty));
        File.WriteAllText(_dir.Sub("garbage.json"), ",");
        CommandAssert.OneLineError(CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", empty, _dir.Sub("garbage.json")), "error reading block 1 of the input");
        Assert.False(Directory.Exists(empty));
        File.WriteAllBytes(_dir.Sub("short.bin"), [1, 2, 3]);
        CommandAssert.OneLineError(CliHarness.Run("import-blocks", "--chain", "dev", "--base-path", empty, "--binary", _dir.Sub("short.bin")), "number of blocks");
        var blocks = _dir.Sub("blocks.json");
        CommandAssert.Success(CliHarness.Run("export-blocks", "--chain", "dev", "--base-path", source, "--to", "1", blocks));
        CommandAssert.OneLineError(CliHarness.Run("import-blocks", "--chain", "local", "--base-path", source, blocks), "cannot open the database");
    }
}
