using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.Balances;

/// <summary>
/// pallet_balances <c>AccountData&lt;u64&gt;</c>: free, reserved, frozen, and <c>ExtraFlags</c> (u128; the top bit marks
/// accounts that use the current reference-counting logic, set on every account created now).
/// </summary>
public readonly record struct AccountData(ulong Free, ulong Reserved, ulong Frozen, UInt128 Flags)
{
    /// <summary>pallet_balances <c>IS_NEW_LOGIC</c>: 1 &lt;&lt; 127.</summary>
    public static readonly UInt128 NewLogicFlag = UInt128.One << 127;

    /// <summary>The default of a new account: zero balances, new-logic flag set.</summary>
    public static AccountData Default => new(0, 0, 0, NewLogicFlag);

    public bool IsDefault => this == Default;

    public ulong Total => Free + Reserved;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU64(Free).WriteU64(Reserved).WriteU64(Frozen).WriteU128(Flags);
    }

    public static AccountData DecodeFrom(ref ScaleReader reader)
    {
        var free = reader.ReadU64();
        var reserved = reader.ReadU64();
        var frozen = reader.ReadU64();
        return new AccountData(free, reserved, frozen, reader.ReadU128());
    }
}
