using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// A downloaded block handed to the import queue (sc-consensus <c>IncomingBlock</c>): header (hash and linkage already checked by sync),
/// body, justifications, and the peer it came from so a bad block can be blamed on it.
/// </summary>
public sealed class IncomingBlock
{
    public IncomingBlock(HeaderSummary header, IReadOnlyList<byte[]>? body, IReadOnlyList<Justification>? justifications, PeerId? origin)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        Body = body;
        Justifications = justifications;
        Origin = origin;
    }

    public HeaderSummary Header { get; }

    public Hash256 Hash => Header.Hash;

    public uint Number => Header.Number;

    public IReadOnlyList<byte[]>? Body { get; }

    public IReadOnlyList<Justification>? Justifications { get; }

    public PeerId? Origin { get; }

    public override string ToString() => Header.ToString();
}
