using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// One block of a <see cref="BlockResponse"/> (<c>BlockData{ bytes hash = 1; bytes header = 2; repeated bytes body = 3; bytes receipt = 4;
/// bytes message_queue = 5; bytes justification = 6; bool is_empty_justification = 7; bytes justifications = 8; repeated bytes indexed_body = 9 }</c>).
/// Body items are SCALE-encoded extrinsics, i.e. each keeps its own length prefix. Nothing here is trusted.
/// </summary>
public sealed class BlockData
{
    public BlockData(Hash256 hash, byte[]? header, IReadOnlyList<byte[]>? body, IReadOnlyList<Justification>? justifications)
    {
        Hash = hash;
        Header = header;
        Body = body;
        Justifications = justifications;
    }

    public Hash256 Hash { get; }

    /// <summary>SCALE-encoded header, when requested and sent.</summary>
    public byte[]? Header { get; }

    /// <summary>Extrinsics (each length-prefixed), when requested. Protobuf cannot tell an empty body from an absent one.</summary>
    public IReadOnlyList<byte[]>? Body { get; }

    /// <summary>Justifications when the block has any (and they were requested).</summary>
    public IReadOnlyList<Justification>? Justifications { get; }
}
