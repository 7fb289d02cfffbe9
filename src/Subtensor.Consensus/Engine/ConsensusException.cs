namespace Subtensor.Consensus.Engine;

/// <summary>A header is invalid under the consensus rules; <see cref="Error"/> says which one.</summary>
public sealed class ConsensusException : Exception
{
    public ConsensusException(ConsensusError error, string message)
        : base(message)
    {
        Error = error;
    }

    public ConsensusException() : this(ConsensusError.BadSeal, "invalid header") { }

    public ConsensusException(string message) : this(ConsensusError.BadSeal, message) { }

    public ConsensusException(string message, Exception innerException) : base(message, innerException) { }

    public ConsensusError Error { get; }
}
