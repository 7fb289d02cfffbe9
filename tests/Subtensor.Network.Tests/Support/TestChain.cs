using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;

namespace Subtensor.Network.Tests.Support;

/// <summary>
/// An in-memory block tree that is both the chain backend and the import queue of a test node. A block is valid when its extrinsics root
/// is Blake2 of its concatenated body and its number follows its parent's; the best block is the highest (first seen wins ties).
/// </summary>
internal sealed class TestChain : IChainBackend, IBlockImportQueue
{
    private readonly object _gate = new();
    private readonly Dictionary<Hash256, Entry> _blocks = [];
    private readonly List<Hash256> _canonical = [];
    private Hash256 _finalized;
    private int _headerReads;

    public TestChain(Hash256? genesisSalt = null)
    {
        var genesis = MakeHeader(Hash256.Zero, 0, [], genesisSalt ?? Hash256.Zero);
        var summary = HeaderSummary.Decode(genesis);
        _blocks[summary.Hash] = new Entry(summary, [], null);
        _canonical.Add(summary.Hash);
        GenesisHash = summary.Hash;
        _finalized = summary.Hash;
    }

    public Hash256 GenesisHash { get; }

    public int ImportCalls { get; private set; }

    public Func<IncomingBlock, bool>? RejectIf { get; set; }

    public ChainInfo Info
    {
        get
        {
            lock (_gate)
            {
                var best = _canonical[^1];
                var finalized = _blocks[_finalized].Header;
                return new ChainInfo(GenesisHash, best, (uint)(_canonical.Count - 1), finalized.Hash, finalized.Number);
            }
        }
    }

    public Hash256 BestHash => Info.BestHash;

    public uint BestNumber => Info.BestNumber;

    /// <summary>SCALE header: parent ‖ Compact(number) ‖ state_root (the salt, to tell forks apart) ‖ extrinsics_root ‖ empty digest.</summary>
    public static byte[] MakeHeader(Hash256 parent, uint number, IReadOnlyList<byte[]> body, Hash256 salt)
    {
        var writer = new ScaleWriter();
        parent.EncodeTo(writer);
        writer.WriteCompact(number);
        salt.EncodeTo(writer);
        BodyRoot(body).EncodeTo(writer);
        writer.WriteCompact(0u);
        return writer.ToArray();
    }

    public static Hash256 BodyRoot(IReadOnlyList<byte[]> body) => Hash256.Blake2(body.SelectMany(b => b).ToArray());

    /// <summary>Extends the block <paramref name="parent"/> (default: best) by <paramref name="count"/> blocks; returns the new head.</summary>
    public Hash256 Grow(int count, Hash256? parent = null, byte salt = 0, bool withBodies = false)
    {
        var head = parent ?? BestHash;
        for (var i = 0; i < count; i++)
        {
            var number = Number(head) + 1;
            IReadOnlyList<byte[]> body = withBodies ? [Extrinsic(number, salt)] : [];
            var header = MakeHeader(head, number, body, SaltHash(salt));
            head = AddTrusted(HeaderSummary.Decode(header), body, null);
        }

        return head;
    }

    public static byte[] Extrinsic(uint number, byte salt)
    {
        var payload = new byte[] { salt, (byte)number, (byte)(number >> 8), (byte)(number >> 16), 0xAB };
        return ScaleCodec.Encode(w => w.WriteByteVec(payload));
    }

    public static Hash256 SaltHash(byte salt) => salt == 0 ? Hash256.Zero : Hash256.Blake2([salt]);

    public uint Number(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks[hash].Header.Number;
        }
    }

    public Hash256? Parent(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var e) ? e.Header.ParentHash : null;
        }
    }

    public void SetFinalized(Hash256 hash)
    {
        lock (_gate)
        {
            _finalized = hash;
        }
    }

    public void SetJustifications(Hash256 hash, IReadOnlyList<Justification> justifications)
    {
        lock (_gate)
        {
            var entry = _blocks[hash];
            _blocks[hash] = entry with { Justifications = justifications };
        }
    }

    public bool IsKnown(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.ContainsKey(hash);
        }
    }

    /// <summary>How many headers were read (each served block reads one).</summary>
    public int HeaderReads => Volatile.Read(ref _headerReads);

    public byte[]? Header(Hash256 hash)
    {
        Interlocked.Increment(ref _headerReads);
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var e) ? e.Header.ToArray() : null;
        }
    }

    public Hash256? CanonicalHash(uint number)
    {
        lock (_gate)
        {
            return number < _canonical.Count ? _canonical[(int)number] : null;
        }
    }

    public IReadOnlyList<byte[]>? Body(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var e) ? e.Body : null;
        }
    }

    public IReadOnlyList<Justification>? Justifications(Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var e) ? e.Justifications : null;
        }
    }

    public Task<IReadOnlyList<BlockImportResult>> ImportBlocksAsync(BlockOrigin origin, IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken)
    {
        var results = new List<BlockImportResult>();
        lock (_gate)
        {
            ImportCalls++;
            foreach (var block in blocks)
            {
                if (_blocks.ContainsKey(block.Hash))
                {
                    results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.AlreadyKnown));
                    continue;
                }

                if (!_blocks.TryGetValue(block.Header.ParentHash, out var parent))
                {
                    results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.UnknownParent));
                    continue;
                }

                var body = block.Body ?? [];
                if (parent.Header.Number + 1 != block.Number || block.Header.Header.ExtrinsicsRoot != BodyRoot(body) || RejectIf?.Invoke(block) == true)
                {
                    results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.Invalid, Error: "bad block"));
                    break;
                }

                var wasBest = _canonical[^1];
                AddTrustedLocked(block.Header, body, block.Justifications);
                results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.Imported, IsNewBest: _canonical[^1] != wasBest));
            }
        }

        return Task.FromResult<IReadOnlyList<BlockImportResult>>(results);
    }

    private Hash256 AddTrusted(HeaderSummary header, IReadOnlyList<byte[]> body, IReadOnlyList<Justification>? justifications)
    {
        lock (_gate)
        {
            return AddTrustedLocked(header, body, justifications);
        }
    }

    private Hash256 AddTrustedLocked(HeaderSummary header, IReadOnlyList<byte[]> body, IReadOnlyList<Justification>? justifications)
    {
        _blocks[header.Hash] = new Entry(header, body, justifications);
        if (header.Number >= _canonical.Count)
        {
            // New best: rebuild the canonical index along its ancestry.
            var chain = new List<Hash256>();
            var cursor = header.Hash;
            while (true)
            {
                chain.Add(cursor);
                var number = _blocks[cursor].Header.Number;
                if (number == 0 || (number < _canonical.Count && _canonical[(int)number] == cursor))
                {
                    break;
                }

                cursor = _blocks[cursor].Header.ParentHash;
            }

            chain.Reverse();
            var start = (int)_blocks[chain[0]].Header.Number;
            _canonical.RemoveRange(start, _canonical.Count - start);
            _canonical.AddRange(chain);
        }

        return header.Hash;
    }

    private sealed record Entry(HeaderSummary Header, IReadOnlyList<byte[]> Body, IReadOnlyList<Justification>? Justifications);
}
