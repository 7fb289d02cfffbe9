using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Substrate;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Finality;

/// <summary>
/// Finality as the node applies it (sc-consensus-grandpa's block import and environment finalization): reads the authority set from
/// the runtime (<c>GrandpaApi_grandpa_authorities</c>, <c>GrandpaApi_current_set_id</c>), verifies FRNK justifications against the set
/// at the block, and finalizes through <see cref="ChainClient.Finalize"/> with the justification stored next to the block. When the
/// finalized block is not on the best chain, the best chain first moves to the longest chain that contains it (a re-org the pool sees).
/// </summary>
internal sealed class GrandpaFinality
{
    private static readonly ILogger Log = Serilog.Log.ForContext<GrandpaFinality>();
    private readonly ChainClient _client;
    private readonly BlockImporter _importer;
    private readonly object _setGate = new();
    private readonly object _finalizeGate = new();
    private (Hash256 At, AuthoritySet Set)? _lastSet;

    public GrandpaFinality(ChainClient client, BlockImporter importer)
    {
        _client = client;
        _importer = importer;
    }

    /// <summary>Raised after a block was finalized by GRANDPA (a vote or an imported justification).</summary>
    public event Action<BlockRef>? Finalized;

    /// <summary>The authority set in force at <paramref name="at"/> (the state of that block).</summary>
    public AuthoritySet AuthoritySetAt(Hash256 at)
    {
        lock (_setGate)
        {
            if (_lastSet is { } cached && cached.At == at)
            {
                return cached.Set;
            }
        }

        var setId = ScaleCodec.Decode(_client.Call(at, "GrandpaApi_current_set_id", []), (ref ScaleReader r) => r.ReadU64());
        var set = AuthoritySet.DecodeAuthorityList(setId, _client.Call(at, "GrandpaApi_grandpa_authorities", []));
        lock (_setGate)
        {
            _lastSet = (at, set);
        }

        return set;
    }

    /// <summary>
    /// Verifies a GRANDPA justification of an imported block and finalizes it. Returns null on success (or when the block is final
    /// already), otherwise why the justification was refused.
    /// </summary>
    public string? ImportJustification(Hash256 hash, uint number, byte[] encoded)
    {
        if (number <= _client.Finalized.Number)
        {
            return null;
        }

        var header = _client.GetHeader(hash);
        if (header is null)
        {
            return "the justified block is not imported";
        }

        GrandpaJustification justification;
        try
        {
            // The set that must have signed is the one in force when the block was produced: the parent's state.
            var set = AuthoritySetAt(header.ParentHash);
            justification = GrandpaJustification.DecodeAndVerify(encoded, set, new VoteTarget(hash, number));
        }
        catch (GrandpaJustificationException e)
        {
            return e.Message;
        }
        catch (StateUnavailableException e)
        {
            return "cannot read the authority set: " + e.Message;
        }

        Finalize(new VoteTarget(hash, number), justification, "justification", alwaysStore: true);
        return null;
    }

    /// <summary>sc-consensus-grandpa's default <c>justification_period</c>: a finality proof is kept at least every 512 blocks.</summary>
    public const uint JustificationPeriod = 512;

    /// <summary>
    /// Finalizes <paramref name="target"/>. The justification is stored under FRNK when <paramref name="alwaysStore"/> (it came with the
    /// block) or when this finality crosses a multiple of <see cref="JustificationPeriod"/> (sc-consensus-grandpa <c>finalize_block</c>),
    /// so peers can sync provably final blocks without a proof for every block.
    /// </summary>
    public void Finalize(VoteTarget target, GrandpaJustification justification, string source, bool alwaysStore = false)
    {
        lock (_finalizeGate)
        {
            var finalized = _client.Finalized.Number;
            if (target.Number <= finalized)
            {
                return;
            }

            var store = alwaysStore || JustificationRequired(finalized, target.Number);
            var justifications = store ? JustificationsCodec.Encode([Justification.Grandpa(justification.Encode())]) : null;

            if (!IsOnBestChain(target))
            {
                var head = LongestChainContaining(target);
                Log.Information("Finalized block {Target} is not on the best chain; switching the best block to {Head}", target, head);
                _importer.SetBest(head.Hash);
            }

            _client.Finalize(target.Hash, justifications);
        }

        Log.Debug("Finalized #{Number} ({Hash}) by {Source}", target.Number, target.Hash, source);
        Finalized?.Invoke(new BlockRef(target.Hash, target.Number));
    }

    /// <summary>sc-consensus-grandpa: a justification is kept when finality reaches a new multiple of the period.</summary>
    public static bool JustificationRequired(uint lastFinalized, uint number)
        => (lastFinalized != 0 || number - lastFinalized == JustificationPeriod) && lastFinalized / JustificationPeriod != number / JustificationPeriod;

    private bool IsOnBestChain(VoteTarget target) => _client.GetCanonicalHash(target.Number) == target.Hash;

    /// <summary>The highest known block that descends from <paramref name="target"/> (or the target itself).</summary>
    private BlockRef LongestChainContaining(VoteTarget target)
    {
        foreach (var (hash, number) in _client.Database.UnfinalizedBlocks.OrderByDescending(e => e.Value))
        {
            if (number < target.Number)
            {
                break;
            }

            if (AncestorAt(hash, number, target.Number) == target.Hash)
            {
                return new BlockRef(hash, number);
            }
        }

        return new BlockRef(target.Hash, target.Number);
    }

    private Hash256? AncestorAt(Hash256 hash, uint number, uint wanted)
    {
        while (number > wanted)
        {
            var header = _client.GetHeader(hash);
            if (header is null)
            {
                return null;
            }

            hash = header.ParentHash;
            number--;
        }

        return hash;
    }
}
