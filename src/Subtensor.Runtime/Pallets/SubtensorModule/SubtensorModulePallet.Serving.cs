using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// serve_axon, serve_axon_tls, serve_prometheus (subnets/serving.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>do_serve_axon</c>: a registered hotkey publishes its endpoint (rate-limited by ServingRateLimit).</summary>
    public void DoServeAxon(IStateAccess state, AccountId32 hotkey, ushort netuid, AxonInfo requested, byte[]? certificate)
    {
        ArgumentNullException.ThrowIfNull(requested);
        Ensure(Uids.Contains(state, netuid, hotkey), SubtensorError.HotKeyNotRegisteredInNetwork);
        Ensure(IsValidIpType(requested.IpType), SubtensorError.InvalidIpType);
        Ensure(IsValidIpAddress(requested.IpType, requested.Ip, allowZero: true), SubtensorError.InvalidIpAddress);
        var previous = Axons.TryGet(state, netuid, hotkey, out var p) ? p : AxonInfo.Empty;
        var now = CurrentBlock(state);
        Ensure(PassesServingRateLimit(state, netuid, previous.Block, now), SubtensorError.ServingRateLimitExceeded);
        Ensure(requested.Port != 0, SubtensorError.InvalidPort);
        if (certificate is not null && NeuronCertificate.TryParse(certificate) is { } cert)
        {
            NeuronCertificates.Insert(state, netuid, hotkey, cert);
        }

        Axons.Insert(state, netuid, hotkey, requested with { Block = now });
        Emit(state, SubtensorEvent.AxonServed, netuid, hotkey);
    }

    /// <summary><c>do_serve_prometheus</c>: like an axon, but the address may not be zero.</summary>
    public void DoServePrometheus(IStateAccess state, AccountId32 hotkey, ushort netuid, PrometheusInfo requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        Ensure(IsValidIpType(requested.IpType), SubtensorError.InvalidIpType);
        Ensure(IsValidIpAddress(requested.IpType, requested.Ip, allowZero: false), SubtensorError.InvalidIpAddress);
        Ensure(Uids.Contains(state, netuid, hotkey), SubtensorError.HotKeyNotRegisteredInNetwork);
        var previous = Prometheus.TryGet(state, netuid, hotkey, out var p) ? p : PrometheusInfo.Empty;
        var now = CurrentBlock(state);
        Ensure(PassesServingRateLimit(state, netuid, previous.Block, now), SubtensorError.ServingRateLimitExceeded);
        Ensure(requested.Port != 0, SubtensorError.InvalidPort);
        Prometheus.Insert(state, netuid, hotkey, requested with { Block = now });
        Emit(state, SubtensorEvent.PrometheusServed, netuid, hotkey);
    }

    /// <summary><c>is_valid_ip_type</c>: 4 or 6.</summary>
    public static bool IsValidIpType(byte ipType) => ipType is 4 or 6;

    /// <summary><c>is_valid_ip_address</c>: no zero (unless allowed), IPv4 below u32::MAX and not 127.0.0.1, IPv6 not all-ones nor ::1.</summary>
    public static bool IsValidIpAddress(byte ipType, UInt128 address, bool allowZero)
    {
        if (!allowZero && address == 0)
        {
            return false;
        }

        return ipType switch
        {
            4 => address < uint.MaxValue && address != 0x7f000001,
            6 => address != UInt128.MaxValue && address != 1,
            _ => true,
        };
    }

    private bool PassesServingRateLimit(IStateAccess state, ushort netuid, ulong lastServe, ulong now)
    {
        var limit = ServingRateLimit.Get(state, netuid);
        return limit == 0 || lastServe == 0 || (now > lastServe ? now - lastServe : 0) >= limit;
    }
}
