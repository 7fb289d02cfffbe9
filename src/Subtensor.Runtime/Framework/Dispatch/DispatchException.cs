namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>Raised inside a dispatch to fail it with a <see cref="DispatchError"/> (FRAME's <c>ensure!</c>/<c>?</c>).</summary>
public sealed class DispatchException : Exception
{
    public DispatchException(DispatchError error, Weight? actualWeight = null)
        : base(error?.ToString())
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
        ActualWeight = actualWeight;
    }

    public DispatchException() : this(DispatchError.Other("dispatch failed")) { }

    public DispatchException(string message) : this(DispatchError.Other(message)) { }

    public DispatchException(string message, Exception inner) : base(message, inner) { Error = DispatchError.Other(message); }

    public DispatchError Error { get; }

    /// <summary>Weight actually consumed before failing, when known.</summary>
    public Weight? ActualWeight { get; }
}
