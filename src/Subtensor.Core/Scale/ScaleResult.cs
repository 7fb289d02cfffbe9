namespace Subtensor.Core.Scale;

/// <summary>A decoded <c>Result&lt;T, E&gt;</c>.</summary>
public readonly record struct ScaleResult<TOk, TErr>(bool IsOk, TOk? Value, TErr? Error)
{
    public static ScaleResult<TOk, TErr> Ok(TOk value) => new(true, value, default);

    public static ScaleResult<TOk, TErr> Err(TErr error) => new(false, default, error);
}
