using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.Sudo;

/// <summary>
/// pallet_sudo (index 12): one key may dispatch any call as Root (sudo, sudo_unchecked_weight), as another account
/// (sudo_as), or hand the key over (set_key, remove_key). Successful sudo calls pay no fee.
/// </summary>
public sealed class SudoPallet : Pallet
{
    public SudoPallet(RuntimeOuterTypes outer)
        : base("Sudo", 12, "pallet_sudo")
    {
        ArgumentNullException.ThrowIfNull(outer);
        var call = outer.CallCodec;
        const string boxedCall = "Box<<T as Config>::RuntimeCall>";
        Key = OptionalValue("Key", Codecs.AccountId, " The `AccountId` of the sudo key.");

        SudidEvent = Event(0, "Sudid", Arg("sudo_result", FrameTypes.DispatchResult, "DispatchResult"));
        KeyChangedEvent = Event(1, "KeyChanged", Arg("old", Codecs.OptionValue(Codecs.AccountId), "Option<T::AccountId>"), Arg("new", Codecs.AccountId, "T::AccountId"));
        KeyRemovedEvent = Event(2, "KeyRemoved");
        SudoAsDoneEvent = Event(3, "SudoAsDone", Arg("sudo_result", FrameTypes.DispatchResult, "DispatchResult"));
        RequireSudoError = Error(0, "RequireSudo", "Sender must be the Sudo account.");

        var sudoWeight = Weight.FromParts(10_729_000, 1517).SaturatingAdd(SystemPallet.DbReads(1));
        SudoCall = Call(0, "sudo", [Arg("call", call, boxedCall)],
            a =>
            {
                var info = a.Get<RuntimeCall>(0).Info;
                return new DispatchInfo(sudoWeight.SaturatingAdd(info.CallWeight), Weight.Zero, info.Class, Pays.Yes);
            },
            (s, o, a) =>
            {
                EnsureSudo(s, o);
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(0), Origin.Root, bypassFilter: true);
                Deposit(s, SudidEvent, r.Error);
                return DispatchOutcome.Ok(new PostDispatchInfo(null, Pays.No));
            },
            "Authenticates the sudo key and dispatches a function call with `Root` origin.");
        Call(1, "sudo_unchecked_weight", [Arg("call", call, boxedCall), Arg("weight", FrameTypes.Weight, "Weight")],
            a => new DispatchInfo(a.Get<Weight>(1), Weight.Zero, a.Get<RuntimeCall>(0).Info.Class, Pays.Yes),
            (s, o, a) =>
            {
                EnsureSudo(s, o);
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(0), Origin.Root, bypassFilter: true);
                Deposit(s, SudidEvent, r.Error);
                return DispatchOutcome.Ok(new PostDispatchInfo(null, Pays.No));
            },
            "Authenticates the sudo key and dispatches a function call with `Root` origin.", "This function does not check the weight of the call, and instead allows the",
            "Sudo user to specify the weight of the call.");
        SetKeyCall = Call(2, "set_key", [Arg("new", FrameTypes.MultiAddress, "AccountIdLookupOf<T>")],
            _ => Normal(Weight.FromParts(9_663_000, 1517).SaturatingAdd(SystemPallet.DbReads(1)).SaturatingAdd(SystemPallet.DbWrites(1))),
            (s, o, a) =>
            {
                EnsureSudo(s, o);
                var next = a.Get<MultiAddress>(0).Lookup() ?? throw new DispatchException(DispatchError.CannotLookup);
                AccountId32? old = Key.TryGet(s, out var k) ? k : null;
                Deposit(s, KeyChangedEvent, old, next);
                Key.Put(s, next);
                return DispatchOutcome.Ok(new PostDispatchInfo(null, Pays.No));
            },
            "Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo", "key.");
        SudoAsCall = Call(3, "sudo_as", [Arg("who", FrameTypes.MultiAddress, "AccountIdLookupOf<T>"), Arg("call", call, boxedCall)],
            a =>
            {
                var info = a.Get<RuntimeCall>(1).Info;
                return new DispatchInfo(Weight.FromParts(11_003_000, 1517).SaturatingAdd(SystemPallet.DbReads(1)).SaturatingAdd(info.CallWeight), Weight.Zero, info.Class, Pays.Yes);
            },
            (s, o, a) =>
            {
                EnsureSudo(s, o);
                var who = a.Get<MultiAddress>(0).Lookup() ?? throw new DispatchException(DispatchError.CannotLookup);
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(1), Origin.Signed(who), bypassFilter: true);
                Deposit(s, SudoAsDoneEvent, r.Error);
                return DispatchOutcome.Ok(new PostDispatchInfo(null, Pays.No));
            },
            "Authenticates the sudo key and dispatches a function call with `Signed` origin from", "a given account.");
        Call(4, "remove_key", [],
            _ => Normal(Weight.FromParts(9_127_000, 1517).SaturatingAdd(SystemPallet.DbReads(1)).SaturatingAdd(SystemPallet.DbWrites(1))),
            (s, o, a) =>
            {
                EnsureSudo(s, o);
                Deposit(s, KeyRemovedEvent);
                Key.Kill(s);
                return DispatchOutcome.Ok(new PostDispatchInfo(null, Pays.No));
            },
            "Permanently removes the sudo key.", "", "**This cannot be un-done.**");
    }

    public StorageValue<AccountId32> Key { get; }

    public CallDef SudoCall { get; }

    public CallDef SetKeyCall { get; }

    public CallDef SudoAsCall { get; }

    public EventDef SudidEvent { get; }

    public EventDef KeyChangedEvent { get; }

    public EventDef KeyRemovedEvent { get; }

    public EventDef SudoAsDoneEvent { get; }

    public ErrorDef RequireSudoError { get; }

    /// <summary>The sudo key, or null when none is set.</summary>
    public AccountId32? GetKey(IStateAccess state) => Key.TryGet(state, out var k) ? k : null;

    private void EnsureSudo(IStateAccess state, Origin origin)
    {
        var who = origin.EnsureSigned();
        if (GetKey(state) != who)
        {
            throw RequireSudoError.Exception();
        }
    }

    /// <summary><c>sudo.key</c>: an SS58 account or null.</summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        if (config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("key", out var key) && key.ValueKind != JsonValueKind.Null)
        {
            Key.Put(state, GenesisJson.ParseAccount(key, "sudo.key"));
        }
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?> { ["key"] = null };
}
