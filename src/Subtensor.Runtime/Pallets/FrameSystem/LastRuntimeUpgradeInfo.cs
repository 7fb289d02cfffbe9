using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>LastRuntimeUpgradeInfo</c>: Compact spec version and spec name.</summary>
public sealed record LastRuntimeUpgradeInfo(uint SpecVersion, string SpecName)
{
    public void EncodeTo(ScaleWriter writer) => writer.WriteCompact(SpecVersion).WriteString(SpecName);

    public static LastRuntimeUpgradeInfo DecodeFrom(ref ScaleReader reader)
    {
        var v = reader.ReadCompactU32();
        return new LastRuntimeUpgradeInfo(v, reader.ReadString());
    }
}
