using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// Subtensor.NET's genesis extension for development chains (<c>subtensorModule.devSubnet</c>): netuid 1 gets an owner and
/// owner hotkey instead of the zero account, fast parameters, and optionally starts at genesis (root staking enabled
/// too, as the live chain has it); <c>adminFreezeWindow</c> (default 0) keeps owner setters usable at a short tempo.
/// </summary>
public sealed record DevSubnetConfig(AccountId32 Owner, AccountId32 OwnerHotkey, ushort Tempo, ulong WeightsSetRateLimit, bool CommitRevealWeightsEnabled, bool Started, ushort AdminFreezeWindow)
{
    public static DevSubnetConfig Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new GenesisConfigException("subtensorModule.devSubnet must be an object or null");
        }

        AccountId32? owner = null;
        AccountId32? hotkey = null;
        ushort tempo = 10;
        ulong rateLimit = 0;
        var commitReveal = false;
        var started = true;
        ushort window = 0;
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "owner":
                    owner = GenesisJson.ParseAccount(p.Value, "subtensorModule.devSubnet.owner");
                    break;
                case "ownerHotkey":
                    hotkey = GenesisJson.ParseAccount(p.Value, "subtensorModule.devSubnet.ownerHotkey");
                    break;
                case "tempo":
                    tempo = checked((ushort)GenesisJson.ParseU64(p.Value, "subtensorModule.devSubnet.tempo"));
                    break;
                case "weightsSetRateLimit":
                    rateLimit = GenesisJson.ParseU64(p.Value, "subtensorModule.devSubnet.weightsSetRateLimit");
                    break;
                case "commitRevealWeightsEnabled":
                    commitReveal = p.Value.GetBoolean();
                    break;
                case "started":
                    started = p.Value.GetBoolean();
                    break;
                case "adminFreezeWindow":
                    window = checked((ushort)GenesisJson.ParseU64(p.Value, "subtensorModule.devSubnet.adminFreezeWindow"));
                    break;
                default:
                    throw new GenesisConfigException($"unknown field subtensorModule.devSubnet.{p.Name}");
            }
        }

        var o = owner ?? throw new GenesisConfigException("subtensorModule.devSubnet.owner is required");
        return new DevSubnetConfig(o, hotkey ?? o, tempo, rateLimit, commitReveal, started, window);
    }
}
