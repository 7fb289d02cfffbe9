using System.Text.Json;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.Grandpa;

/// <summary>
/// pallet_grandpa (index 4): the ed25519 authority set with weights and its set id. Subtensor has no session pallet,
/// so the set only changes by governance (not implemented here) and equivocation reports cannot be made
/// (<c>KeyOwnerProof = Void</c>).
/// </summary>
public sealed class GrandpaPallet : Pallet
{
    public const int MaxAuthorities = 32;

    public GrandpaPallet()
        : base("Grandpa", 4, "pallet_grandpa")
    {
        var publicType = Composite("sp_consensus_grandpa::app::Public", [], Field(null, Bytes32, "ed25519::Public"));
        var signatureType = Composite("sp_consensus_grandpa::app::Signature", [], Field(null, Array(64, U8), "ed25519::Signature"));
        PublicType = publicType;
        var authority = Codecs.Tuple(Codecs.Bytes32.As(publicType), Codecs.U64);
        var authorityList = Codecs.Vec(authority, 40);
        AuthorityCodec = authorityList;
        var n = U32;
        var storedState = Enum("pallet_grandpa::StoredState", [("N", n)],
            Variant("Live", 0), Variant("PendingPause", 1, Field("scheduled_at", n, "N"), Field("delay", n, "N")),
            Variant("Paused", 2), Variant("PendingResume", 3, Field("scheduled_at", n, "N"), Field("delay", n, "N")));
        var weakList = WeakBoundedVec(Tuple(publicType, U64));
        var pendingChange = Composite("pallet_grandpa::StoredPendingChange", [("N", n), ("Limit", null)],
            Field("scheduled_at", n, "N"), Field("delay", n, "N"), Field("next_authorities", weakList, "BoundedAuthorityList<Limit>"), Field("forced", Option(n), "Option<N>"));

        Value("State", Codecs.Raw(storedState), [0], " State of the current authority set.");
        OptionalValue("PendingChange", Codecs.Raw(pendingChange), " Pending change: (signaled at, scheduled change).");
        OptionalValue("NextForced", Codecs.U32, " next block number where we can force a change.");
        Stalled = OptionalValue("Stalled", Codecs.Tuple(Codecs.U32, Codecs.U32), " `true` if we are currently stalled.");
        CurrentSetId = Value("CurrentSetId", Codecs.U64, 0UL,
            " The number of changes (both in terms of keys and underlying economic responsibilities)", " in the \"set\" of Grandpa validators from genesis.");
        SetIdSession = OptionalMap("SetIdSession", StorageHasher.Twox64Concat, Codecs.U64, Codecs.U32,
            " A mapping from grandpa set ID to the index of the *most recent* session for which its", " members were responsible.");
        Authorities = Value("Authorities", authorityList.As(weakList), [], " The current list of authorities.");

        NewAuthoritiesEvent = Event(0, "NewAuthorities", Arg("authority_set", authorityList, "AuthorityList"));
        Event(1, "Paused");
        Event(2, "Resumed");

        Error(0, "PauseFailed", "Attempt to signal GRANDPA pause when the authority set isn't live", "(either paused or already pending pause).");
        Error(1, "ResumeFailed", "Attempt to signal GRANDPA resume when the authority set isn't paused", "(either live or already pending resume).");
        Error(2, "ChangePending", "Attempt to signal GRANDPA change with one already pending.");
        Error(3, "TooSoon", "Cannot signal forced change so soon after last.");
        Error(4, "InvalidKeyOwnershipProof", "A key ownership proof provided as part of an equivocation report is invalid.");
        Error(5, "InvalidEquivocationProof", "An equivocation proof provided as part of an equivocation report is invalid.");
        Error(6, "DuplicateOffenceReport", "A given equivocation report is valid but already previously reported.");

        MetaType Vote(string kind) => Composite($"finality_grandpa::{kind}", [("H", H256), ("N", n)], Field("target_hash", H256, "H"), Field("target_number", n, "N"));
        MetaType Equivocation(MetaType vote) => Composite("finality_grandpa::Equivocation", [("Id", publicType), ("V", vote), ("S", signatureType)],
            Field("round_number", U64, "u64"), Field("identity", publicType, "Id"), Field("first", Tuple(vote, signatureType), "(V, S)"), Field("second", Tuple(vote, signatureType), "(V, S)"));
        var equivocation = Enum("sp_consensus_grandpa::Equivocation", [("H", H256), ("N", n)],
            Variant("Prevote", 0, Field(null, Equivocation(Vote("Prevote")), "finality_grandpa::Equivocation<AuthorityId, finality_grandpa::Prevote<\nH, N>, AuthoritySignature,>")),
            Variant("Precommit", 1, Field(null, Equivocation(Vote("Precommit")), "finality_grandpa::Equivocation<AuthorityId, finality_grandpa::Precommit\n<H, N>, AuthoritySignature,>")));
        var proof = Composite("sp_consensus_grandpa::EquivocationProof", [("H", H256), ("N", n)], Field("set_id", U64, "SetId"), Field("equivocation", equivocation, "Equivocation<H, N>"));
        var voidType = Enum("sp_core::Void", []);
        var proofArg = Arg("equivocation_proof", Uninhabited<object>(proof), "Box<EquivocationProof<T::Hash, BlockNumberFor<T>>>");
        var voidArg = Arg("key_owner_proof", Uninhabited<object>(voidType), "T::KeyOwnerProof");
        Call(0, "report_equivocation", [proofArg, voidArg], _ => Normal(Weight.Zero), (_, _, _) => throw InvalidKeyOwnershipProof(),
            "Report voter equivocation/misbehavior. This method will verify the", "equivocation proof and validate the given key ownership proof", "against the extracted offender. If both are valid, the offence", "will be reported.");
        Call(1, "report_equivocation_unsigned", [proofArg, voidArg], _ => Normal(Weight.Zero), (_, _, _) => throw InvalidKeyOwnershipProof(),
            "Report voter equivocation/misbehavior (unsigned).");
        Call(2, "note_stalled", [Arg("delay", Codecs.U32, "BlockNumberFor<T>"), Arg("best_finalized_block_number", Codecs.U32, "BlockNumberFor<T>")],
            _ => new DispatchInfo(Weight.FromRefTime(3_000_000).SaturatingAdd(SystemPallet.DbWrites(1)), Weight.Zero, DispatchClass.Operational, Pays.Yes),
            (s, o, a) =>
            {
                o.EnsureRoot();
                Stalled.Put(s, (a.Get<uint>(0), a.Get<uint>(1)));
                return DispatchOutcome.Ok();
            },
            "Note that the current authority set of the GRANDPA finality gadget has stalled.");

        Constant("MaxAuthorities", Codecs.U32, (uint)MaxAuthorities, " Max Authorities in use");
        Constant("MaxNominators", Codecs.U32, 20u, " The maximum number of nominators for each validator.");
        Constant("MaxSetIdSessionEntries", Codecs.U64, 0UL,
            " The maximum number of entries to keep in the set id to session index mapping.", "",
            " Since the `SetIdSession` map is only used for validating equivocations this",
            " value should relate to the bonding duration of whatever staking system is",
            " being used (if any). If equivocation handling is not enabled then this value",
            " can be zero.");
    }

    protected override IReadOnlyList<string> EventTypeParams => [];

    public ScaleCodec<(byte[], ulong)[]> AuthorityCodec { get; }

    /// <summary><c>sp_consensus_grandpa::app::Public</c>.</summary>
    public MetaType PublicType { get; }

    public StorageValue<(uint, uint)> Stalled { get; }

    public StorageValue<ulong> CurrentSetId { get; }

    public StorageMap<ulong, uint> SetIdSession { get; }

    public StorageValue<(byte[], ulong)[]> Authorities { get; }

    public EventDef NewAuthoritiesEvent { get; }

    private DispatchException InvalidKeyOwnershipProof() => DeclaredErrors[4].Exception();

    /// <summary>A codec for a type with no values (<c>sp_core::Void</c>) or one we never accept: decoding always fails.</summary>
    private static ScaleCodec<T> Uninhabited<T>(MetaType type) =>
        new(type, (_, _) => throw new InvalidOperationException("no value of this type exists"), (ref ScaleReader r) => throw r.Error($"{string.Join("::", type.Path)} cannot be decoded by this runtime"));

    /// <summary><c>grandpa.authorities</c>: [[ed25519 SS58, weight], ...]; sets CurrentSetId 0 and SetIdSession[0] = 0.</summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        CurrentSetId.Put(state, 0);
        if (config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("authorities", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var authorities = new List<(byte[], ulong)>();
            foreach (var e in list.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2)
                {
                    throw new GenesisConfigException("grandpa.authorities entries must be [account, weight]");
                }

                authorities.Add((GenesisJson.ParsePublicKey(e[0], "grandpa.authorities"), GenesisJson.ParseU64(e[1], "grandpa.authorities")));
            }

            if (authorities.Count > MaxAuthorities)
            {
                throw new GenesisConfigException($"grandpa.authorities has {authorities.Count} entries; at most {MaxAuthorities}");
            }

            if (authorities.Count > 0)
            {
                Authorities.Put(state, authorities.ToArray());
            }
        }

        SetIdSession.Insert(state, 0, 0);
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?> { ["authorities"] = new List<object>() };

    public override ushort InCodeStorageVersion => 5;
}
