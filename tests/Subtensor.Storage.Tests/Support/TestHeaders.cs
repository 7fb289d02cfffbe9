using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Storage.Tests.Support;

/// <summary>Builds SCALE headers (spec §1.5) for storage tests; <paramref name="salt"/> tells sibling blocks apart.</summary>
public static class TestHeaders
{
    public static byte[] Encode(Hash256 parent, uint number, Hash256 stateRoot, int salt = 0)
    {
        var writer = new ScaleWriter();
        parent.EncodeTo(writer);
        writer.WriteCompact(number);
        stateRoot.EncodeTo(writer);
        Hash256.Blake2(BitConverter.GetBytes(number)).EncodeTo(writer); // extrinsics root: any hash
        writer.WriteCompact(1u);
        writer.WriteU8(0); // DigestItem::Other
        writer.WriteByteVec(BitConverter.GetBytes(salt));
        return writer.ToArray();
    }
}
