using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Genesis;

public class CommittedChainSpecTests
{
    /// <summary>chainspec/*.json are produced by the runtime; regenerate them (harness plain-spec/raw-spec) when this fails.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    [InlineData("testnet")]
    public void Committed_chain_specs_are_what_the_runtime_produces(string chain)
    {
        var rt = TestChain.Runtime;
        var dir = Path.Combine(Subtensor.TestSupport.TestVectors.RepositoryRoot, "chainspec");
        var plain = SubtensorChainSpecs.PlainSpec(rt, chain);
        Assert.Equal(plain, File.ReadAllText(Path.Combine(dir, $"plain_spec_{chain}.json")).TrimEnd('\n'));
        Assert.Equal(SubtensorChainSpecs.RawSpec(rt, plain), File.ReadAllText(Path.Combine(dir, $"raw_spec_{chain}.json")).TrimEnd('\n'));
    }
}
