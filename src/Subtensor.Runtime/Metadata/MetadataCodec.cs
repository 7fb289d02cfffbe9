using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>Small SCALE helpers shared by the metadata model.</summary>
internal static class MetadataCodec
{
    public static void WriteStrings(ScaleWriter writer, IReadOnlyList<string> strings) => writer.WriteVec(strings, (w, s) => w.WriteString(s));

    public static string[] ReadStrings(ref ScaleReader reader) => reader.ReadVec((ref ScaleReader r) => r.ReadString());

    public static uint ReadTypeId(ref ScaleReader reader) => reader.ReadCompactU32();
}
