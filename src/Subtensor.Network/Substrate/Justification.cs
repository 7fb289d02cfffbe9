using System.Text;

namespace Subtensor.Network.Substrate;

/// <summary>One entry of <c>sp_runtime::Justifications</c>: a consensus engine id (4 bytes, <c>FRNK</c> for GRANDPA) and its encoded proof.</summary>
public sealed class Justification
{
    public static readonly byte[] GrandpaEngineId = "FRNK"u8.ToArray();

    public Justification(ReadOnlySpan<byte> engineId, byte[] data)
    {
        if (engineId.Length != 4)
        {
            throw new ArgumentException("a consensus engine id is 4 bytes", nameof(engineId));
        }

        ArgumentNullException.ThrowIfNull(data);
        EngineId = engineId.ToArray();
        Data = data;
    }

    public byte[] EngineId { get; }

    public byte[] Data { get; }

    public bool IsGrandpa => EngineId.AsSpan().SequenceEqual(GrandpaEngineId);

    public static Justification Grandpa(byte[] data) => new(GrandpaEngineId, data);

    public override string ToString() => $"{Encoding.ASCII.GetString(EngineId)}({Data.Length} bytes)";
}
