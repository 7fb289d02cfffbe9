using Subtensor.Core.Types;

namespace Subtensor.Runtime.Api.Info;

/// <summary>The per-subnet (or per-mechanism) data a metagraph reads, computed once per call (hotkeys by uid, their coldkeys, stake weights).</summary>
public sealed class MetagraphSource(InfoReader reader, ushort netuid, ushort storageIndex)
{
    private List<AccountId32>? _hotkeys;
    private List<AccountId32>? _coldkeys;
    private (ulong[] Total, ulong[] Alpha, ulong[] Tao)? _weights;

    public InfoReader R { get; } = reader;

    public ushort Netuid { get; } = netuid;

    /// <summary>The mechanism's storage index (netuid for mechanism 0): LastUpdate and Incentive are read under it.</summary>
    public ushort StorageIndex { get; } = storageIndex;

    public List<AccountId32> Hotkeys => _hotkeys ??= R.Hotkeys(Netuid);

    public List<AccountId32> Coldkeys => _coldkeys ??= [.. Hotkeys.Select(R.Coldkey)];

    public (ulong[] Total, ulong[] Alpha, ulong[] Tao) Weights => _weights ??= R.NetworkStakeWeights(Netuid);
}
