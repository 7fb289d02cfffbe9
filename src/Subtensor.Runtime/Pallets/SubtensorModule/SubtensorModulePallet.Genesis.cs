using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.Economics.Staking;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Genesis (macros/genesis.rs): root (netuid 0) and a dynamic netuid 1 whose pool holds 10 TAO / 10 alpha with 1 alpha staked
// by its owner. Subtensor.NET extension: an optional "devSubnet" section gives netuid 1 an owner and fast parameters.
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>subtensorModule</c>: <c>stakes</c> (accepted and ignored, as Subtensor does), <c>balancesIssuance</c> (Subtensor's
    /// TotalIssuance), <c>startCallDelay</c> (optional) and <c>devSubnet</c> (null, or { owner, ownerHotkey, tempo,
    /// weightsSetRateLimit, commitRevealWeightsEnabled, started, adminFreezeWindow }).
    /// </summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        ulong issuance = 0;
        ulong? startCallDelay = null;
        DevSubnetConfig? dev = null;
        if (config is { ValueKind: JsonValueKind.Object } c)
        {
            foreach (var p in c.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "stakes":
                        if (p.Value.ValueKind != JsonValueKind.Array)
                        {
                            throw new GenesisConfigException("subtensorModule.stakes must be an array");
                        }

                        break;
                    case "balancesIssuance":
                        issuance = GenesisJson.ParseU64(p.Value, "subtensorModule.balancesIssuance");
                        break;
                    case "startCallDelay":
                        startCallDelay = p.Value.ValueKind == JsonValueKind.Null ? null : GenesisJson.ParseU64(p.Value, "subtensorModule.startCallDelay");
                        break;
                    case "devSubnet":
                        dev = p.Value.ValueKind == JsonValueKind.Null ? null : DevSubnetConfig.Parse(p.Value);
                        break;
                    default:
                        throw new GenesisConfigException($"unknown field subtensorModule.{p.Name}");
                }
            }
        }

        TotalIssuance.Put(state, issuance);
        if (startCallDelay is { } delay)
        {
            StartCallDelay.Put(state, delay);
        }

        const ushort root = RootNetUid;
        NetworksAdded.Insert(state, root, true);
        TotalNetworks.Mutate(state, n => (ushort)(n + 1));
        SubnetOwner.Insert(state, root, default);
        SubnetOwnerHotkey.Insert(state, root, default);
        SubnetworkN.Insert(state, root, 0);
        MaxAllowedUids.Insert(state, root, 64);
        MaxAllowedValidators.Insert(state, root, 64);
        MinAllowedWeights.Insert(state, root, 0);
        Tempo.Insert(state, root, 100);
        NetworkRegistrationAllowed.Insert(state, root, true);
        TargetRegistrationsPerInterval.Insert(state, root, 1);
        TokenSymbol.Insert(state, root, SubnetSymbols.ForSubnet(root));

        const ushort netuid = 1;
        var owner = dev?.Owner ?? default;
        var hotkey = dev?.OwnerHotkey ?? owner;
        SubnetMechanism.Insert(state, netuid, 1);
        Owner.Insert(state, hotkey, owner);
        SubnetAlphaIn.Insert(state, netuid, 10_000_000_000);
        SubnetTAO.Insert(state, netuid, 10_000_000_000);
        NetworksAdded.Insert(state, netuid, true);
        TotalNetworks.Mutate(state, n => (ushort)(n + 1));
        SubnetworkN.Insert(state, netuid, 0);
        MaxAllowedUids.Insert(state, netuid, 256);
        MaxAllowedValidators.Insert(state, netuid, 64);
        MinAllowedWeights.Insert(state, netuid, 0);
        Tempo.Insert(state, netuid, 100);
        NetworkRegistrationAllowed.Insert(state, netuid, true);
        SubnetOwner.Insert(state, netuid, owner);
        SubnetLocked.Insert(state, netuid, 1);
        LargestLocked.Insert(state, netuid, 1);
        AlphaV2.Insert(state, hotkey, owner, netuid, SafeFloat.FromU64(1_000_000_000));
        TotalHotkeyAlpha.Insert(state, hotkey, netuid, 1_000_000_000);
        TotalHotkeySharesV2.Insert(state, hotkey, netuid, SafeFloat.FromU64(1_000_000_000));
        SubnetAlphaOut.Insert(state, netuid, 1_000_000_000);
        AddStakingHotkey(state, owner, hotkey);
        const ulong block = 0;
        SubnetworkN.Insert(state, netuid, 1);
        Active.Mutate(state, netuid, v => [.. v, true]);
        Emission.Mutate(state, netuid, v => [.. v, 0UL]);
        Consensus.Mutate(state, netuid, v => [.. v, (ushort)0]);
        Incentive.Mutate(state, netuid, v => [.. v, (ushort)0]);
        Dividends.Mutate(state, netuid, v => [.. v, (ushort)0]);
        LastUpdate.Mutate(state, netuid, v => [.. v, block]);
        ValidatorTrust.Mutate(state, netuid, v => [.. v, (ushort)0]);
        ValidatorPermit.Mutate(state, netuid, v => [.. v, false]);
        Keys.Insert(state, netuid, 0, hotkey);
        Uids.Insert(state, netuid, hotkey, 0);
        BlockAtRegistration.Insert(state, netuid, 0, block);
        IsNetworkMember.Insert(state, hotkey, netuid, true);
        TokenSymbol.Insert(state, netuid, SubnetSymbols.ForSubnet(netuid));

        if (dev is not null)
        {
            ApplyDevSubnet(state, netuid, dev);
        }
    }

    public override object? DefaultGenesisConfig() =>
        new Dictionary<string, object?> { ["stakes"] = new List<object>(), ["balancesIssuance"] = 0UL, ["startCallDelay"] = null, ["devSubnet"] = null };

    /// <summary>The dev chain's ready subnet: owned (hotkey at UID 0, listed as owned), started, with fast parameters.</summary>
    private void ApplyDevSubnet(IStateAccess state, ushort netuid, DevSubnetConfig dev)
    {
        var owned = OwnedHotkeys.Get(state, dev.Owner);
        if (!owned.Contains(dev.OwnerHotkey))
        {
            OwnedHotkeys.Insert(state, dev.Owner, [.. owned, dev.OwnerHotkey]);
        }

        SubnetOwnerHotkey.Insert(state, netuid, dev.OwnerHotkey);
        Tempo.Insert(state, netuid, dev.Tempo);
        WeightsSetRateLimit.Insert(state, netuid, dev.WeightsSetRateLimit);
        CommitRevealWeightsEnabled.Insert(state, netuid, dev.CommitRevealWeightsEnabled);
        AdminFreezeWindow.Put(state, dev.AdminFreezeWindow);
        if (dev.Started)
        {
            FirstEmissionBlockNumber.Insert(state, netuid, 1);
            SubtokenEnabled.Insert(state, netuid, true);
            SubtokenEnabled.Insert(state, RootNetUid, true);
        }
    }
}
