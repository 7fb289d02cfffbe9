namespace Subtensor.Economics.Subnets;

/// <summary>What pruning looks at for one UID: its emission, registration block, immunity and owner immortality.</summary>
public readonly record struct NeuronPruneInfo(ushort Uid, ulong Emission, ulong RegisteredAt, bool Immune, bool Immortal);
