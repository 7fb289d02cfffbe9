namespace Subtensor.Rpc.JsonRpc;

/// <summary>Method name → handler, with Substrate's aliases and the safe/unsafe split used by <c>--rpc-methods</c>.</summary>
public sealed class RpcMethodRegistry
{
    private readonly Dictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);

    public IEnumerable<RpcMethod> Methods => _methods.Values;

    public void Add(string name, RpcHandler handler, bool isUnsafe = false, params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var n in aliases.Prepend(name))
        {
            Register(new RpcMethod(n, isUnsafe, Handler: handler));
        }
    }

    /// <summary>
    /// A subscription: <paramref name="subscribe"/> (and aliases) start it and return an id, notifications go out as
    /// <paramref name="notification"/>, <paramref name="unsubscribe"/> (and aliases) stop it and return true.
    /// </summary>
    public void AddSubscription(
        string subscribe, string unsubscribe, string notification, RpcSubscribeHandler handler,
        string[]? subscribeAliases = null, string[]? unsubscribeAliases = null, bool isUnsafe = false)
    {
        foreach (var n in (subscribeAliases ?? []).Prepend(subscribe))
        {
            Register(new RpcMethod(n, isUnsafe, Subscribe: handler, NotificationName: notification));
        }

        foreach (var n in (unsubscribeAliases ?? []).Prepend(unsubscribe))
        {
            Register(new RpcMethod(n, isUnsafe, IsUnsubscribe: true));
        }
    }

    public bool TryGet(string name, out RpcMethod method) => _methods.TryGetValue(name, out method!);

    /// <summary>Sorted method names, as <c>rpc_methods</c> reports them (unsafe ones only when exposed).</summary>
    public IReadOnlyList<string> Names(bool includeUnsafe)
        => _methods.Values.Where(m => includeUnsafe || !m.IsUnsafe).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

    private void Register(RpcMethod method)
    {
        if (!_methods.TryAdd(method.Name, method))
        {
            throw new InvalidOperationException($"RPC method {method.Name} registered twice");
        }
    }
}
