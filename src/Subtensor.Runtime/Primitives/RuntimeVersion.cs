using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Primitives;

/// <summary>
/// sp_version <c>RuntimeVersion</c> in its Core-API-v5 encoding: spec name, impl name, authoring version, spec version,
/// impl version, APIs (8-byte id, version), transaction version, system version (u8).
/// </summary>
public sealed record RuntimeVersion(
    string SpecName,
    string ImplName,
    uint AuthoringVersion,
    uint SpecVersion,
    uint ImplVersion,
    IReadOnlyList<(byte[] Id, uint Version)> Apis,
    uint TransactionVersion,
    byte SystemVersion)
{
    /// <summary>State trie version this runtime uses: V1 from system_version 1 on (sp_version <c>state_version()</c>).</summary>
    public State.StateVersion StateVersion => SystemVersion >= 1 ? State.StateVersion.V1 : State.StateVersion.V0;

    /// <summary>The API id of a runtime API trait: first 8 bytes of blake2_256(name) (sp_api).</summary>
    public static byte[] ApiId(string traitName) => Blake2b.Blake2b256(System.Text.Encoding.UTF8.GetBytes(traitName))[..8];

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(SpecName).WriteString(ImplName).WriteU32(AuthoringVersion).WriteU32(SpecVersion).WriteU32(ImplVersion);
        writer.WriteVec(Apis, (w, a) => w.WriteBytes(a.Id).WriteU32(a.Version));
        writer.WriteU32(TransactionVersion).WriteU8(SystemVersion);
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter(512);
        EncodeTo(w);
        return w.ToArray();
    }

    public static RuntimeVersion DecodeFrom(ref ScaleReader reader)
    {
        var spec = reader.ReadString();
        var impl = reader.ReadString();
        var authoring = reader.ReadU32();
        var specVersion = reader.ReadU32();
        var implVersion = reader.ReadU32();
        var apis = reader.ReadVec((ref ScaleReader r) => (r.ReadFixed(8), r.ReadU32()), 12);
        var tx = reader.ReadU32();
        var system = reader.IsAtEnd ? (byte)0 : reader.ReadU8();
        return new RuntimeVersion(spec, impl, authoring, specVersion, implVersion, apis, tx, system);
    }
}
