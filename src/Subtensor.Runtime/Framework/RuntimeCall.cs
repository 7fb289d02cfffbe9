using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Framework;

/// <summary>A decoded call of the runtime: which pallet and dispatchable, and its arguments. Encodes as pallet index, call index, arguments.</summary>
public sealed class RuntimeCall
{
    public RuntimeCall(CallDef def, CallArgs args)
    {
        Def = def ?? throw new ArgumentNullException(nameof(def));
        Args = args ?? throw new ArgumentNullException(nameof(args));
    }

    public CallDef Def { get; }

    public CallArgs Args { get; }

    public Pallet Pallet => Def.Pallet;

    public DispatchInfo Info => Def.Info(Args);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Pallet.Index).WriteU8(Def.Index);
        for (var i = 0; i < Def.Args.Count; i++)
        {
            Def.Args[i].Codec.EncodeObject(writer, Args[i]);
        }
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter();
        EncodeTo(w);
        return w.ToArray();
    }

    public bool Is(CallDef def) => ReferenceEquals(Def, def);

    public override string ToString() => $"{Pallet.Name}.{Def.Name}";
}
