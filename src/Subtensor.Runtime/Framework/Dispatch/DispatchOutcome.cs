namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>FRAME's <c>DispatchResultWithPostInfo</c>: success or an error, with post-dispatch info either way.</summary>
public readonly record struct DispatchOutcome(DispatchError? Error, PostDispatchInfo Post)
{
    public bool IsOk => Error is null;

    public static DispatchOutcome Ok() => new(null, PostDispatchInfo.Default);

    public static DispatchOutcome Ok(PostDispatchInfo post) => new(null, post);

    public static DispatchOutcome Fail(DispatchError error, Weight? actualWeight = null) => new(error, new PostDispatchInfo(actualWeight, Pays.Yes));
}
