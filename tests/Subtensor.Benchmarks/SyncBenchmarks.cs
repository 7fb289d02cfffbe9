using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;

namespace Subtensor.Benchmarks;

/// <summary>
/// Full sync of <see cref="Blocks"/> empty blocks between two in-process network services over loopback TCP (Noise + Yamux, /sync/2
/// requests of 64 blocks) into a trivial import queue that only links blocks: blocks/s = Blocks / mean time. One invocation per
/// iteration, each on a fresh syncing node.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SyncBenchmarks
{
    private NetworkService _source = null!;
    private MemoryChain _sourceChain = null!;
    private NetworkService _sink = null!;
    private SyncService _sync = null!;
    private MemoryChain _sinkChain = null!;

    [Params(50000)]
    public int Blocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sourceChain = new MemoryChain();
        _sourceChain.Grow(Blocks);
        _source = Start(_sourceChain);
    }

    [GlobalCleanup]
    public void Cleanup() => _source.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void StartSink()
    {
        _sinkChain = new MemoryChain();
        _sink = Start(_sinkChain);
        _sync = new SyncService(_sink, _sinkChain, _sinkChain, new SyncServiceOptions { InformantInterval = TimeSpan.Zero });
        _sync.Start();
    }

    [IterationCleanup]
    public void StopSink()
    {
        _sync.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task SyncEmptyBlocks()
    {
        await _sink.ConnectAsync(_source.ListenAddresses[0].WithPeerId(_source.LocalPeerId));
        while (_sinkChain.Info.BestNumber < Blocks)
        {
            await Task.Delay(1);
        }
    }

    private static NetworkService Start(MemoryChain chain)
    {
        var service = new NetworkService(
            new NetworkConfiguration
            {
                NodeKey = NodeKey.Generate(),
                GenesisHash = chain.GenesisHash,
                ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")],
                EnableKademlia = false,
            },
            chain);
        service.StartAsync().GetAwaiter().GetResult();
        return service;
    }

    /// <summary>A linear in-memory chain whose import queue only checks that each block extends the best one.</summary>
    private sealed class MemoryChain : IChainBackend, IBlockImportQueue
    {
        private readonly object _gate = new();
        private readonly List<(Hash256 Hash, byte[] Header)> _blocks = [];
        private readonly Dictionary<Hash256, int> _index = [];

        public MemoryChain()
        {
            Append(Header(Hash256.Zero, 0));
        }

        public Hash256 GenesisHash => _blocks[0].Hash;

        public ChainInfo Info
        {
            get
            {
                lock (_gate)
                {
                    return new ChainInfo(GenesisHash, _blocks[^1].Hash, (uint)(_blocks.Count - 1), GenesisHash, 0);
                }
            }
        }

        public void Grow(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Append(Header(_blocks[^1].Hash, (uint)_blocks.Count));
            }
        }

        public bool IsKnown(Hash256 hash)
        {
            lock (_gate)
            {
                return _index.ContainsKey(hash);
            }
        }

        public byte[]? Header(Hash256 hash)
        {
            lock (_gate)
            {
                return _index.TryGetValue(hash, out var i) ? _blocks[i].Header : null;
            }
        }

        public Hash256? CanonicalHash(uint number)
        {
            lock (_gate)
            {
                return number < _blocks.Count ? _blocks[(int)number].Hash : null;
            }
        }

        public IReadOnlyList<byte[]>? Body(Hash256 hash) => IsKnown(hash) ? [] : null;

        public IReadOnlyList<Justification>? Justifications(Hash256 hash) => null;

        public Task<IReadOnlyList<BlockImportResult>> ImportBlocksAsync(BlockOrigin origin, IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken)
        {
            var results = new List<BlockImportResult>(blocks.Count);
            lock (_gate)
            {
                foreach (var block in blocks)
                {
                    if (_index.ContainsKey(block.Hash))
                    {
                        results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.AlreadyKnown));
                    }
                    else if (block.Header.ParentHash == _blocks[^1].Hash)
                    {
                        _index[block.Hash] = _blocks.Count;
                        _blocks.Add((block.Hash, block.Header.ToArray()));
                        results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.Imported, IsNewBest: true));
                    }
                    else
                    {
                        results.Add(new BlockImportResult(block.Hash, BlockImportOutcome.UnknownParent));
                    }
                }
            }

            return Task.FromResult<IReadOnlyList<BlockImportResult>>(results);
        }

        private static byte[] Header(Hash256 parent, uint number)
        {
            var writer = new ScaleWriter();
            parent.EncodeTo(writer);
            writer.WriteCompact(number);
            Hash256.Zero.EncodeTo(writer);
            Hash256.Zero.EncodeTo(writer);
            writer.WriteCompact(0u);
            return writer.ToArray();
        }

        private void Append(byte[] header)
        {
            var hash = Hash256.Blake2(header);
            lock (_gate)
            {
                _index[hash] = _blocks.Count;
                _blocks.Add((hash, header));
            }
        }
    }
}
