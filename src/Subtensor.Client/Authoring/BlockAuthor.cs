using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Consensus.Engine;

namespace Subtensor.Client.Authoring;

/// <summary>
/// Authors one block in a slot when this node holds the slot's authority key: build on the best block, seal with the
/// consensus engine, and import through the same <see cref="BlockImporter"/> as every other block.
/// </summary>
public sealed class BlockAuthor
{
    private static readonly ILogger Log = Serilog.Log.ForContext<BlockAuthor>();
    private readonly ChainClient _client;
    private readonly BlockImporter _importer;
    private readonly BlockBuilder _builder;
    private readonly IConsensusEngine _engine;
    private readonly LocalKeystore _keystore;
    private readonly object _gate = new();

    public BlockAuthor(ChainClient client, BlockImporter importer, BlockBuilder builder, IConsensusEngine engine, LocalKeystore keystore)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _importer = importer ?? throw new ArgumentNullException(nameof(importer));
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _keystore = keystore ?? throw new ArgumentNullException(nameof(keystore));
    }

    public IConsensusEngine Engine => _engine;

    /// <summary>
    /// Authors in <paramref name="slot"/> with the given timestamp if this node may; null when another authority owns
    /// the slot or the best block already is at or past it.
    /// </summary>
    public ImportResult? TryAuthor(ulong slot, ulong timestampMs, TimeSpan budget, bool finalize = false)
    {
        lock (_gate)
        {
            var parent = _client.BestHeader;
            if (_engine.SlotOf(parent) is { } parentSlot && slot <= parentSlot)
            {
                return null;
            }

            var authorities = _client.AuraAuthorities(parent.Hash());
            var claim = _engine.ClaimSlot(slot, authorities, _keystore);
            if (claim is null)
            {
                return null;
            }

            var proposed = _builder.Build(parent, _engine.PreDigest(claim), timestampMs, budget);
            var sealedHeader = _engine.Seal(proposed.Header, claim, _keystore);
            var result = _importer.Import(new BlockImportParams(sealedHeader, proposed.Extrinsics, null, BlockOrigin.Own,
                proposed.Backend, proposed.State, finalize));
            if (!result.IsImported)
            {
                Log.Error("Our own block #{Number} was not imported: {Status} {Reason}", result.Number, result.Status, result.Reason);
            }
            else
            {
                Log.Debug("Authored #{Number} in slot {Slot} with {Count} transaction(s)", result.Number, slot, proposed.Included.Count);
            }

            return result;
        }
    }

    /// <summary>The next slot this node can author in for dev sealing: the wall-clock slot, or one past the best block's.</summary>
    public ulong NextDevSlot(ulong unixMs)
    {
        var now = _engine.SlotAt(unixMs);
        var parentSlot = _engine.SlotOf(_client.BestHeader) ?? 0;
        return Math.Max(now, parentSlot + 1);
    }
}
