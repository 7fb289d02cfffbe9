using System.Buffers.Binary;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>
/// <c>sp_version::RuntimeVersion</c>. SCALE layout: spec_name, impl_name (strings), authoring_version, spec_version,
/// impl_version (u32), apis (Vec of 8-byte id + u32), then transaction_version (u32) when the Core API version is at
/// least 3 and system_version (u8) when it is at least 4 (<c>decode_with_version_hint</c>).
/// </summary>
public sealed record RuntimeVersion : IScaleEncodable
{
    public static ulong CoreApiId { get; } = RuntimeApi.IdOf("Core");

    public required string SpecName { get; init; }

    public required string ImplName { get; init; }

    public uint AuthoringVersion { get; init; }

    public uint SpecVersion { get; init; }

    public uint ImplVersion { get; init; }

    public IReadOnlyList<RuntimeApi> Apis { get; init; } = [];

    /// <summary>Defaults to 1 when the encoding predates it (Core API below 3).</summary>
    public uint TransactionVersion { get; init; } = 1;

    /// <summary>Defaults to 0 when the encoding predates it (Core API below 4).</summary>
    public byte SystemVersion { get; init; }

    /// <summary>The version of the Core API in <see cref="Apis"/>, if listed.</summary>
    public uint? CoreVersion => CoreVersionOf(Apis);

    /// <summary>State trie version: 0 for system_version 0, otherwise 1 (<c>state_version()</c>).</summary>
    public byte StateVersion => SystemVersion == 0 ? (byte)0 : (byte)1;

    /// <summary>Extrinsics-root trie version: 0 for system_version 0 and 1, otherwise 1.</summary>
    public byte ExtrinsicsRootStateVersion => SystemVersion <= 1 ? (byte)0 : (byte)1;

    public static uint? CoreVersionOf(IEnumerable<RuntimeApi> apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        foreach (var api in apis)
        {
            if (api.Id == CoreApiId)
            {
                return api.Version;
            }
        }

        return null;
    }

    /// <summary>Writes every field (the Core ≥ 4 layout).</summary>
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EncodeWithoutTrailer(writer);
        writer.WriteU32(TransactionVersion);
        writer.WriteU8(SystemVersion);
    }

    /// <summary>Writes the layout a runtime with Core API version <paramref name="coreVersion"/> produces.</summary>
    public void EncodeTo(ScaleWriter writer, uint? coreVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EncodeWithoutTrailer(writer);
        if (coreVersion >= 3)
        {
            writer.WriteU32(TransactionVersion);
        }

        if (coreVersion >= 4)
        {
            writer.WriteU8(SystemVersion);
        }
    }

    public static void WriteApis(ScaleWriter writer, IReadOnlyCollection<RuntimeApi> apis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(apis);
        writer.WriteCompact((uint)apis.Count);
        foreach (var api in apis)
        {
            WriteApi(writer, api);
        }
    }

    /// <summary>One API entry: 8-byte id then u32 version (12 bytes, as in the <c>runtime_apis</c> custom section).</summary>
    public static void WriteApi(ScaleWriter writer, RuntimeApi api)
    {
        ArgumentNullException.ThrowIfNull(writer);
        api.CopyIdTo(writer.GetSpan(8));
        writer.Advance(8);
        writer.WriteU32(api.Version);
    }

    public static RuntimeApi ReadApi(ref ScaleReader reader)
    {
        var id = BinaryPrimitives.ReadUInt64BigEndian(reader.ReadBytes(8));
        return new RuntimeApi(id, reader.ReadU32());
    }

    /// <summary>
    /// Decodes with a Core API version hint; without one, the Core version listed in the decoded apis decides
    /// (<c>decode_with_version_hint</c>). Trailing bytes are left unread.
    /// </summary>
    public static RuntimeVersion DecodeFrom(ref ScaleReader reader, uint? coreVersionHint)
    {
        var specName = reader.ReadString();
        var implName = reader.ReadString();
        var authoring = reader.ReadU32();
        var spec = reader.ReadU32();
        var impl = reader.ReadU32();
        var apis = reader.ReadVec((ref ScaleReader r) => ReadApi(ref r), 12);
        var core = coreVersionHint ?? CoreVersionOf(apis);
        var transaction = core >= 3 ? reader.ReadU32() : 1u;
        var system = core >= 4 ? reader.ReadU8() : (byte)0;
        return new RuntimeVersion
        {
            SpecName = specName,
            ImplName = implName,
            AuthoringVersion = authoring,
            SpecVersion = spec,
            ImplVersion = impl,
            Apis = apis,
            TransactionVersion = transaction,
            SystemVersion = system,
        };
    }

    /// <summary>Decodes a <c>Core_version</c> result (no hint: the listed Core version decides).</summary>
    public static RuntimeVersion Decode(ReadOnlySpan<byte> data)
    {
        var reader = new ScaleReader(data);
        return DecodeFrom(ref reader, null);
    }

    private void EncodeWithoutTrailer(ScaleWriter writer)
    {
        writer.WriteString(SpecName);
        writer.WriteString(ImplName);
        writer.WriteU32(AuthoringVersion);
        writer.WriteU32(SpecVersion);
        writer.WriteU32(ImplVersion);
        WriteApis(writer, Apis.ToArray());
    }

    public bool Equals(RuntimeVersion? other)
        => other is not null && SpecName == other.SpecName && ImplName == other.ImplName && AuthoringVersion == other.AuthoringVersion
           && SpecVersion == other.SpecVersion && ImplVersion == other.ImplVersion && Apis.SequenceEqual(other.Apis)
           && TransactionVersion == other.TransactionVersion && SystemVersion == other.SystemVersion;

    public override int GetHashCode() => HashCode.Combine(SpecName, SpecVersion, ImplVersion);
}
