using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// Answers <c>/…/sync/2</c> block requests from the local chain (sc-network-sync <c>BlockRequestHandler</c>): start by hash or number,
/// walk ascending along the canonical chain or descending along parents, include the requested fields, and stop at
/// <see cref="MaxBlocksInResponse"/> blocks or when the response would pass <see cref="MaxResponseBytes"/>.
/// </summary>
public sealed class BlockRequestHandler
{
    /// <summary>sc-network-sync <c>MAX_BLOCKS_IN_RESPONSE</c>.</summary>
    public const int MaxBlocksInResponse = 128;

    /// <summary>Soft cap on the encoded size of what we return (sc-network-sync <c>MAX_BODY_BYTES</c>).</summary>
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    private readonly IChainBackend _chain;

    public BlockRequestHandler(IChainBackend chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
    }

    public BlockResponse Handle(BlockRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var blocks = new List<BlockData>();
        Hash256? current = request.FromHash is { } hash
            ? (_chain.IsKnown(hash) ? hash : null)
            : _chain.CanonicalHash(request.FromNumber!.Value);
        var max = request.MaxBlocks == 0 ? MaxBlocksInResponse : (int)Math.Min(request.MaxBlocks, MaxBlocksInResponse);
        var wantHeader = request.Fields.HasFlag(BlockAttributes.Header);
        var wantBody = request.Fields.HasFlag(BlockAttributes.Body);
        var wantJustification = request.Fields.HasFlag(BlockAttributes.Justification);
        long size = 0;
        while (current is { } blockHash && blocks.Count < max)
        {
            var header = _chain.Header(blockHash);
            if (header is null)
            {
                break;
            }

            var body = wantBody ? _chain.Body(blockHash) ?? [] : null;
            var justifications = wantJustification ? _chain.Justifications(blockHash) : null;
            var blockSize = 32 + (wantHeader ? header.Length : 0) + (body?.Sum(e => e.Length + 4) ?? 0) + (justifications?.Sum(j => j.Data.Length + 8) ?? 0);
            if (blocks.Count > 0 && size + blockSize > MaxResponseBytes)
            {
                break;
            }

            size += blockSize;
            blocks.Add(new BlockData(blockHash, wantHeader ? header : null, body, justifications));
            var (parent, number) = ParentAndNumber(header);
            current = request.Direction == BlockRequestDirection.Ascending
                ? (number == uint.MaxValue ? null : _chain.CanonicalHash(number + 1))
                : (number == 0 ? null : parent);
        }

        return new BlockResponse(blocks);
    }

    private static (Hash256 Parent, uint Number) ParentAndNumber(byte[] header)
    {
        var reader = new ScaleReader(header);
        var parent = Hash256.DecodeFrom(ref reader);
        return (parent, reader.ReadCompactU32());
    }
}
