namespace Subtensor.Rpc.Tests.Modules;

/// <summary>The module tests share one dev chain and its servers; they run one after another and author blocks on it.</summary>
[CollectionDefinition(Name)]
public sealed class RpcNodeCollection : ICollectionFixture<RpcTestNode>
{
    public const string Name = "rpc node";
}
