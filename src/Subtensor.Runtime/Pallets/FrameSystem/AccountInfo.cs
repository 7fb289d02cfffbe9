using Subtensor.Core.Scale;
using Subtensor.Runtime.Pallets.Balances;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>AccountInfo&lt;u32, AccountData&lt;u64&gt;&gt;</c>: nonce, reference counters and the balances data.</summary>
public readonly record struct AccountInfo(uint Nonce, uint Consumers, uint Providers, uint Sufficients, AccountData Data)
{
    public static AccountInfo Default => new(0, 0, 0, 0, AccountData.Default);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU32(Nonce).WriteU32(Consumers).WriteU32(Providers).WriteU32(Sufficients);
        Data.EncodeTo(writer);
    }

    public static AccountInfo DecodeFrom(ref ScaleReader reader)
    {
        var nonce = reader.ReadU32();
        var consumers = reader.ReadU32();
        var providers = reader.ReadU32();
        var sufficients = reader.ReadU32();
        return new AccountInfo(nonce, consumers, providers, sufficients, AccountData.DecodeFrom(ref reader));
    }
}
