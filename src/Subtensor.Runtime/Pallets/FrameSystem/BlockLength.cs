using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>limits::BlockLength</c>: maximum encoded length per dispatch class.</summary>
public sealed record BlockLength(uint Normal, uint Operational, uint Mandatory)
{
    /// <summary>Subtensor: <c>max_with_normal_ratio(10 MiB, 75 %)</c>.</summary>
    public static readonly BlockLength Subtensor = new(10 * 1024 * 1024 * 3 / 4, 10 * 1024 * 1024, 10 * 1024 * 1024);

    public uint ForClass(Framework.Dispatch.DispatchClass c) => c switch
    {
        Framework.Dispatch.DispatchClass.Normal => Normal,
        Framework.Dispatch.DispatchClass.Operational => Operational,
        _ => Mandatory,
    };

    public void EncodeTo(ScaleWriter writer) => writer.WriteU32(Normal).WriteU32(Operational).WriteU32(Mandatory);
}
