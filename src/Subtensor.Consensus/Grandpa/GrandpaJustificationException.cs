namespace Subtensor.Consensus.Grandpa;

/// <summary>A GRANDPA justification (or commit) that does not prove finality: bad signature, unknown voter, wrong ancestry, too little weight…</summary>
public class GrandpaJustificationException : Exception
{
    public GrandpaJustificationException()
    {
    }

    public GrandpaJustificationException(string message)
        : base(message)
    {
    }

    public GrandpaJustificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
