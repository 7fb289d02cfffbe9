namespace Subtensor.Node.Tests.MultiNode;

/// <summary>The multi-node tests start several node processes each; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "MultiNode";
}
