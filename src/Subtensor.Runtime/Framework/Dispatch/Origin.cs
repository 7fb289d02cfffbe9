using Subtensor.Core.Types;

namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>Who dispatches a call: Root, a signed account, or nobody (inherents and unsigned transactions).</summary>
public readonly record struct Origin(OriginKind Kind, AccountId32 Account)
{
    public static Origin Root => new(OriginKind.Root, default);

    public static Origin None => new(OriginKind.None, default);

    public static Origin Signed(AccountId32 who) => new(OriginKind.Signed, who);

    public bool IsRoot => Kind == OriginKind.Root;

    /// <summary>The signer, or a BadOrigin dispatch failure (<c>ensure_signed</c>).</summary>
    public AccountId32 EnsureSigned() => Kind == OriginKind.Signed ? Account : throw new DispatchException(DispatchError.BadOrigin);

    /// <summary><c>ensure_root</c>.</summary>
    public void EnsureRoot()
    {
        if (Kind != OriginKind.Root)
        {
            throw new DispatchException(DispatchError.BadOrigin);
        }
    }

    /// <summary><c>ensure_none</c>.</summary>
    public void EnsureNone()
    {
        if (Kind != OriginKind.None)
        {
            throw new DispatchException(DispatchError.BadOrigin);
        }
    }

    public override string ToString() => Kind == OriginKind.Signed ? $"Signed({Account})" : Kind.ToString();
}
