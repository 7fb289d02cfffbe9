using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>One entry of <c>sp_runtime::Justifications</c>: a consensus engine id (<c>FRNK</c> for GRANDPA) and its encoded proof.</summary>
public sealed class Justification
{
    public Justification(ConsensusEngineId engineId, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EngineId = engineId;
        Data = data;
    }

    public ConsensusEngineId EngineId { get; }

    public byte[] Data { get; }

    public bool IsGrandpa => EngineId == ConsensusEngineId.Grandpa;

    public static Justification Grandpa(byte[] data) => new(ConsensusEngineId.Grandpa, data);

    public override string ToString() => $"{EngineId}({Data.Length} bytes)";
}
