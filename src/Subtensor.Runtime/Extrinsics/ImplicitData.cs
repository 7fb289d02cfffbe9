using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// The implicit ("additional signed") data of Subtensor's extensions, in tuple order: spec version, transaction
/// version, genesis hash, the era's birth block hash, and CheckMetadataHash's Option&lt;[u8; 32]&gt;.
/// </summary>
public sealed record ImplicitData(uint SpecVersion, uint TransactionVersion, Hash256 GenesisHash, Hash256 BirthHash, Hash256? MetadataHash)
{
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU32(SpecVersion).WriteU32(TransactionVersion);
        GenesisHash.EncodeTo(writer);
        BirthHash.EncodeTo(writer);
        writer.WriteOptionValue(MetadataHash, (w, h) => h.EncodeTo(w));
    }
}
