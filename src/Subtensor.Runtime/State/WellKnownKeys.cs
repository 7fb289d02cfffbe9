using System.Text;

namespace Subtensor.Runtime.State;

/// <summary>Unhashed storage keys with a meaning of their own (sp_storage <c>well_known_keys</c>).</summary>
public static class WellKnownKeys
{
    public static readonly byte[] Code = Encoding.ASCII.GetBytes(":code");
    public static readonly byte[] HeapPages = Encoding.ASCII.GetBytes(":heappages");
    public static readonly byte[] ExtrinsicIndex = Encoding.ASCII.GetBytes(":extrinsic_index");
    public static readonly byte[] IntrablockEntropy = Encoding.ASCII.GetBytes(":intrablock_entropy");
    public static readonly byte[] ChildStoragePrefix = Encoding.ASCII.GetBytes(":child_storage:");
    public static readonly byte[] DefaultChildStoragePrefix = Encoding.ASCII.GetBytes(":child_storage:default:");

    /// <summary>The main-trie key under which a default child trie's root is stored.</summary>
    public static byte[] DefaultChildRootKey(byte[] childKey) => [.. DefaultChildStoragePrefix, .. childKey];
}
