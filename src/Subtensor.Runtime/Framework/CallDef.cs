using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework;

/// <summary>A dispatchable call: index within its pallet, name, arguments, docs, weight function and handler.</summary>
public sealed class CallDef
{
    public CallDef(byte index, string name, IReadOnlyList<CallArg> args, CallInfoFunc info, CallHandler handler, IReadOnlyList<string>? docs = null)
    {
        Index = index;
        Name = name;
        Args = args;
        Info = info;
        Handler = handler;
        Docs = docs ?? [];
    }

    public byte Index { get; }

    public string Name { get; }

    public IReadOnlyList<CallArg> Args { get; }

    public CallInfoFunc Info { get; }

    public CallHandler Handler { get; }

    public IReadOnlyList<string> Docs { get; }

    /// <summary>Set when the call is registered with its pallet.</summary>
    public Pallet Pallet { get; internal set; } = null!;

    /// <summary>Builds a call value from arguments (for tests, tools and genesis).</summary>
    public RuntimeCall Create(params object?[] args) => new(this, new CallArgs(this, args));
}
