namespace Subtensor.Runtime.Api;

/// <summary>A runtime API trait: its name (e.g. <c>Core</c>), version (listed in RuntimeVersion.apis) and methods.</summary>
public sealed record RuntimeApiDef(string Name, uint Version, IReadOnlyList<RuntimeApiMethod> Methods, IReadOnlyList<string>? Docs = null)
{
    public ulong Id => Core.Types.RuntimeApi.IdOf(Name);
}
