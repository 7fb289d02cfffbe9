using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// Substrate protocol names (sc-network; smoldot <c>encode_protocol_name</c>): <c>/&lt;genesis hex without 0x&gt;[/&lt;fork id&gt;]/&lt;name&gt;</c>,
/// with the legacy <c>/&lt;protocol id&gt;/&lt;name&gt;</c> as a fallback (GRANDPA's legacy name is <c>/paritytech/grandpa/1</c>).
/// Every list starts with the preferred name.
/// </summary>
public sealed class ProtocolNames
{
    public ProtocolNames(Hash256 genesisHash, string protocolId, string? forkId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        var prefix = "/" + Hex.ToHex(genesisHash.ToArray(), withPrefix: false) + (string.IsNullOrEmpty(forkId) ? string.Empty : "/" + forkId);
        var legacy = "/" + protocolId;
        BlockAnnounces = [prefix + "/block-announces/1", legacy + "/block-announces/1"];
        Transactions = [prefix + "/transactions/1", legacy + "/transactions/1"];
        Grandpa = [prefix + "/grandpa/1", "/paritytech/grandpa/1"];
        Sync = [prefix + "/sync/2", legacy + "/sync/2"];
        State = [prefix + "/state/2", legacy + "/state/2"];
        Kademlia = [prefix + "/kad", legacy + "/kad"];
    }

    public IReadOnlyList<string> BlockAnnounces { get; }

    public IReadOnlyList<string> Transactions { get; }

    public IReadOnlyList<string> Grandpa { get; }

    public IReadOnlyList<string> Sync { get; }

    public IReadOnlyList<string> State { get; }

    public IReadOnlyList<string> Kademlia { get; }
}
