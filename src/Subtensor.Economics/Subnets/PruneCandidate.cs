namespace Subtensor.Economics.Subnets;

/// <summary>
/// <c>get_neuron_to_prune</c> (<c>subnets/registration.rs</c>): among UIDs that are not owner-immortal, the best candidate
/// is the lowest emission, then the earliest registration block, then the lowest UID; a non-immune candidate is taken
/// only while more than MinNonImmuneUids non-immune UIDs exist, otherwise the best immune one (null when none).
/// </summary>
public static class PruneCandidate
{
    public static ushort? Select(IEnumerable<NeuronPruneInfo> neurons, ushort minNonImmune)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        NeuronPruneInfo? bestImmune = null;
        NeuronPruneInfo? bestFree = null;
        var freeCount = 0;
        foreach (var n in neurons)
        {
            if (n.Immortal)
            {
                continue;
            }

            if (n.Immune)
            {
                bestImmune = Better(bestImmune, n);
            }
            else
            {
                freeCount++;
                bestFree = Better(bestFree, n);
            }
        }

        if (freeCount > minNonImmune && bestFree is { } free)
        {
            return free.Uid;
        }

        return bestImmune?.Uid;
    }

    private static NeuronPruneInfo Better(NeuronPruneInfo? best, NeuronPruneInfo n)
    {
        if (best is not { } b)
        {
            return n;
        }

        var better = n.Emission != b.Emission ? n.Emission < b.Emission
            : n.RegisteredAt != b.RegisteredAt ? n.RegisteredAt < b.RegisteredAt
            : n.Uid < b.Uid;
        return better ? n : b;
    }
}
