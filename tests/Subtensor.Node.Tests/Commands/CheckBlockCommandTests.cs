using Subtensor.Core.Types;
using Subtensor.Node.Commands;

namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class CheckBlockCommandTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Base()
    {
        var path = _dir.Sub("base");
        ChainTemplate.CopyTo(path);
        return path;
    }

    [Fact]
    public void A_stored_block_by_number_or_hash_or_as_hex_is_valid()
    {
        var basePath = Base();
        var byNumber = CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, "3");
        CommandAssert.Success(byNumber);
        Assert.StartsWith($"Block #3 ({ChainTemplate.Hashes[3]}) is valid: sealed by Aura authority 0", byNumber.Stdout, StringComparison.Ordinal);
        Assert.Contains($"state root {ChainTemplate.Headers[3].StateRoot}", byNumber.Stdout, StringComparison.Ordinal);

        CommandAssert.Success(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, ChainTemplate.Hashes[5].ToString()));
        CommandAssert.Success(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, Hex.ToHex(ChainTemplate.Encoded[6])));
        var genesis = CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, "0");
        CommandAssert.Success(genesis);
        Assert.Contains("genesis", genesis.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_block_is_reported_invalid_with_exit_code_1()
    {
        var basePath = Base();
        var block = SignedBlock.Decode(ChainTemplate.Encoded[4]);
        var header = block.Header with { StateRoot = Hash256.Blake2([1, 2, 3]) };
        var tampered = block with { Header = header };
        var run = CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, Hex.ToHex(tampered.Encode()));
        CommandAssert.OneLineError(run, $"block #4 ({header.Hash()}) is invalid: ");
        Assert.Empty(run.Stdout);

        // a block whose transactions were dropped no longer matches its extrinsics root
        var withTransfer = SignedBlock.Decode(ChainTemplate.Encoded[5]);
        var emptied = withTransfer with { Extrinsics = withTransfer.Extrinsics.Take(1).ToList() };
        Assert.NotEqual(withTransfer.Extrinsics.Count, emptied.Extrinsics.Count);
        CommandAssert.OneLineError(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, Hex.ToHex(emptied.Encode())), $"block #5 ({ChainTemplate.Hashes[5]}) is invalid: ");
    }

    [Fact]
    public void Unknown_blocks_and_bad_input_are_one_line_errors()
    {
        var basePath = Base();
        CommandAssert.OneLineError(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, "7"), "no block #7");
        CommandAssert.OneLineError(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, "0x" + new string('0', 70)), "neither a SCALE Block nor a SignedBlock");
        CommandAssert.OneLineError(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath, "0xzz"), "invalid block hash");
        CommandAssert.OneLineError(CliHarness.Run("check-block", "--chain", "dev", "--base-path", basePath), "");
    }
}
