using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Framework;

/// <summary>An error variant of a pallet. <see cref="Error"/> is the DispatchError::Module value FRAME produces for it.</summary>
public sealed class ErrorDef
{
    public ErrorDef(byte index, string name, IReadOnlyList<string>? docs = null)
    {
        Index = index;
        Name = name;
        Docs = docs ?? [];
    }

    public byte Index { get; }

    public string Name { get; }

    public IReadOnlyList<string> Docs { get; }

    public Pallet Pallet { get; internal set; } = null!;

    public DispatchError Error => DispatchError.Module(Pallet.Index, Index, $"{Pallet.Name}.{Name}");

    /// <summary>An exception that fails the current dispatch with this error.</summary>
    public DispatchException Exception() => new(Error);
}
