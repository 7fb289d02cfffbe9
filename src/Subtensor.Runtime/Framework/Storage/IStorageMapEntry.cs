using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>A single-key map addressed by the SCALE encoding of its key (for code that clears many maps by one key).</summary>
public interface IStorageMapEntry
{
    /// <summary>Removes the entry whose key encodes to <paramref name="encodedKey"/>.</summary>
    void RemoveEncodedKey(IStateAccess state, byte[] encodedKey);
}
