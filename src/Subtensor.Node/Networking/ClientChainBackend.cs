using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;

namespace Subtensor.Node.Networking;

/// <summary>The chain database as networking reads it (<see cref="IChainBackend"/> over <see cref="ChainClient"/>).</summary>
internal sealed class ClientChainBackend(ChainClient client) : IChainBackend
{
    public ChainInfo Info
    {
        get
        {
            var best = client.Best;
            var finalized = client.Finalized;
            return new ChainInfo(client.GenesisHash, best.Hash, best.Number, finalized.Hash, finalized.Number);
        }
    }

    public bool IsKnown(Hash256 hash) => client.Database.GetHeader(hash) is not null;

    public byte[]? Header(Hash256 hash) => client.Database.GetHeader(hash);

    public Hash256? CanonicalHash(uint number) => client.GetCanonicalHash(number);

    public IReadOnlyList<byte[]>? Body(Hash256 hash) => client.GetBody(hash);

    public IReadOnlyList<Justification>? Justifications(Hash256 hash)
    {
        var stored = client.GetJustifications(hash);
        if (stored is null)
        {
            return null;
        }

        try
        {
            var list = JustificationsCodec.Decode(stored);
            return list.Count == 0 ? null : list;
        }
        catch (ScaleDecodeException)
        {
            return null; // a corrupt entry is not served
        }
    }
}
