using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.Aura;

/// <summary>
/// pallet_aura (index 3): the sr25519 authority list (max 32) and the current slot, advanced from the block's Aura
/// pre-runtime digest; the timestamp must fall in that slot. Slot duration = 2 × MinimumPeriod = 12 s.
/// </summary>
public sealed class AuraPallet : Pallet
{
    public const int MaxAuthorities = 32;

    private readonly SystemPallet _system;

    public AuraPallet(SystemPallet system, ulong slotDurationMs)
        : base("Aura", 3, "pallet_aura")
    {
        _system = system;
        SlotDurationMs = slotDurationMs;
        var publicType = Composite("sp_consensus_aura::sr25519::app_sr25519::Public", [], Field(null, Bytes32, "sr25519::Public"));
        var publicCodec = Codecs.Bytes32.As(publicType);
        AuthorityCodec = publicCodec;
        var slot = Codecs.U64.As(Composite("sp_consensus_slots::Slot", [], Field(null, U64, "u64")));
        var list = Codecs.Vec(publicCodec, 32);
        Authorities = Value("Authorities", list.As(BoundedVec(publicCodec.Type)), [], " The current authority set.");
        CurrentSlot = Value("CurrentSlot", slot, 0UL, " The current slot of this block.", "", " This will be set in `on_initialize`.");
        Constant("SlotDuration", Codecs.U64, slotDurationMs,
            " The slot duration Aura should run with, expressed in milliseconds.", " The effective value of this type should not change while the chain is running.");
    }

    public ulong SlotDurationMs { get; }

    public ScaleCodec<byte[]> AuthorityCodec { get; }

    public StorageValue<byte[][]> Authorities { get; }

    public StorageValue<ulong> CurrentSlot { get; }

    /// <summary>The slot announced by an Aura pre-runtime digest item, if any (<c>current_slot_from_digests</c>).</summary>
    public static ulong? SlotFromDigest(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        foreach (var item in digest.Logs)
        {
            if (item.Kind == DigestItemKind.PreRuntime && item.Engine == ConsensusEngineId.Aura && item.Data.Length == 8)
            {
                return BitConverter.ToUInt64(item.Data);
            }
        }

        return null;
    }

    /// <summary>The account of the author of the current block: authorities[slot % n] (Subtensor's <c>BlockAuthorFromAura</c>).</summary>
    public Core.Types.AccountId32? CurrentAuthor(IStateAccess state)
    {
        var slot = SlotFromDigest(_system.Digest.Get(state));
        var authorities = Authorities.Get(state);
        if (slot is not { } s || authorities.Length == 0)
        {
            return null;
        }

        return new Core.Types.AccountId32(authorities[(int)(s % (ulong)authorities.Length)]);
    }

    public override Weight OnInitialize(IStateAccess state, uint blockNumber)
    {
        if (SlotFromDigest(_system.Digest.Get(state)) is not { } newSlot)
        {
            return SystemPallet.DbReads(1);
        }

        var current = CurrentSlot.Get(state);
        if (current >= newSlot)
        {
            throw new RuntimePanicException($"Slot must increase (current {current}, block {newSlot})");
        }

        CurrentSlot.Put(state, newSlot);
        return SystemPallet.DbReads(2).SaturatingAdd(SystemPallet.DbWrites(1));
    }

    /// <summary><c>OnTimestampSet</c>: the timestamp's slot must equal <c>CurrentSlot</c>.</summary>
    public void OnTimestampSet(IStateAccess state, ulong moment)
    {
        var timestampSlot = moment / SlotDurationMs;
        var current = CurrentSlot.Get(state);
        if (current != timestampSlot)
        {
            throw new RuntimePanicException($"Timestamp slot must match `CurrentSlot` (timestamp slot {timestampSlot}, current slot {current})");
        }
    }

    /// <summary><c>aura.authorities</c>: a list of sr25519 public keys (SS58).</summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        if (config is not { ValueKind: JsonValueKind.Object } c || !c.TryGetProperty("authorities", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var keys = list.EnumerateArray().Select(e => GenesisJson.ParsePublicKey(e, "aura.authorities")).ToArray();
        if (keys.Length > MaxAuthorities)
        {
            throw new GenesisConfigException($"aura.authorities has {keys.Length} entries; at most {MaxAuthorities}");
        }

        if (keys.Length > 0)
        {
            Authorities.Put(state, keys);
        }
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?> { ["authorities"] = new List<object>() };

    public override ushort InCodeStorageVersion => 1;
}
