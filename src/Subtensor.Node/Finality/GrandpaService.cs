using System.Threading.Channels;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Crypto;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Service;

namespace Subtensor.Node.Finality;

/// <summary>
/// The GRANDPA gadget of a node (sc-consensus-grandpa <c>run_grandpa_voter</c>): a <see cref="GrandpaVoter"/> over the client's block
/// tree, voting with the keystore's <c>gran</c> key when it belongs to the authority set (observing otherwise), its gossip carried by
/// <c>/…/grandpa/1</c>, verdicts on received messages turned into peer reputation, finality applied through
/// <see cref="GrandpaFinality"/>, and equivocations logged. Received messages and block imports are handled on one worker, never on
/// the network's or the importer's thread.
/// </summary>
internal sealed class GrandpaService : IGrandpaEnvironment, IAsyncDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<GrandpaService>();

    // sc-consensus-grandpa gossip costs and benefits.
    private static readonly ReputationChange BadMessage = new(-(1 << 12), "Grandpa: bad message");
    private static readonly ReputationChange GoodMessage = new(1 << 3, "Grandpa: good message");

    private readonly ChainClient _client;
    private readonly NetworkService _network;
    private readonly GrandpaFinality _finality;
    private readonly Channel<(PeerId? Peer, byte[]? Message)> _inbox = Channel.CreateUnbounded<(PeerId?, byte[]?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly GrandpaVoter _voter;
    private readonly GrandpaVoterWorker _worker;
    private int _importSignalled;
    private long _equivocations;
    private Task? _loop;

    public GrandpaService(ChainClient client, NetworkService network, GrandpaFinality finality, LocalKeystore keystore, GrandpaVoterOptions options)
    {
        _client = client;
        _network = network;
        _finality = finality;
        var set = finality.AuthoritySetAt(client.Finalized.Hash);
        var key = VotingKey(keystore, set);
        _voter = new GrandpaVoter(set, new ClientGrandpaChain(client), this, key, options, logger: Serilog.Log.Logger);
        _worker = new GrandpaVoterWorker(_voter, options.GossipDuration);
    }

    public GrandpaVoter Voter => _voter;

    public long EquivocationCount => Interlocked.Read(ref _equivocations);

    public void Start()
    {
        _network.GrandpaMessageReceived += OnMessage;
        _network.PeerConnected += OnPeerConnected;
        _network.PeerDisconnected += OnPeerDisconnected;
        _client.BlockImported += OnBlockImported;
        _worker.Start();
        foreach (var peer in _network.Peers)
        {
            _voter.OnPeerConnected(peer.PeerId.ToString());
        }

        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    // ---- IGrandpaEnvironment -------------------------------------------------------------------------------------------------------

    public void Broadcast(byte[] message) => _network.SendGrandpaMessage(null, message);

    public void SendTo(string peer, byte[] message)
    {
        if (PeerId.TryParse(peer, out var id))
        {
            _network.SendGrandpaMessage(id, message);
        }
    }

    public void Finalize(VoteTarget target, GrandpaJustification justification)
    {
        try
        {
            _finality.Finalize(target, justification, "GRANDPA");
        }
        catch (Exception e) when (e is InvalidOperationException or Storage.StorageException)
        {
            Log.Warning("GRANDPA could not finalize {Target}: {Reason}", target, e.Message);
        }
    }

    public void ReportEquivocation(GrandpaEquivocation equivocation)
    {
        Interlocked.Increment(ref _equivocations);
        Log.Warning("⚠️  GRANDPA equivocation detected: voter {Voter} cast two {Kind}s in round {Round} of set {SetId}: {First} and {Second}",
            equivocation.Voter, equivocation.Kind, equivocation.Round, equivocation.SetId, equivocation.First.Target, equivocation.Second.Target);
    }

    // ---- events ---------------------------------------------------------------------------------------------------------------------

    private void OnMessage(object? sender, GrandpaMessageEventArgs e) => _inbox.Writer.TryWrite((e.Peer, e.Message));

    private void OnPeerConnected(object? sender, ConnectedPeer peer) => _voter.OnPeerConnected(peer.PeerId.ToString());

    private void OnPeerDisconnected(object? sender, PeerId peer) => _voter.OnPeerDisconnected(peer.ToString());

    private void OnBlockImported(BlockImportedEvent e)
    {
        // Under the import lock: only signal; the worker lets the voter look at the new block.
        if (Interlocked.Exchange(ref _importSignalled, 1) == 0)
        {
            _inbox.Writer.TryWrite((null, null));
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (peer, message) in _inbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    if (peer is null || message is null)
                    {
                        Volatile.Write(ref _importSignalled, 0);
                        _voter.OnBlockImported();
                        continue;
                    }

                    var verdict = _voter.OnMessage(peer.ToString(), message);
                    if (verdict == GrandpaMessageVerdict.Invalid)
                    {
                        _network.ReportPeer(peer, BadMessage);
                    }
                    else if (verdict == GrandpaMessageVerdict.Accepted)
                    {
                        _network.ReportPeer(peer, GoodMessage);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
                {
                    Log.Error(e, "GRANDPA message handling failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Ed25519KeyPair? VotingKey(LocalKeystore keystore, AuthoritySet set)
    {
        foreach (var publicKey in keystore.PublicKeys("gran"))
        {
            if (publicKey.Length == AuthorityId.Length && set.Contains(new AuthorityId(publicKey)) && keystore.Find("gran", publicKey) is Ed25519KeyPair pair)
            {
                return pair;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _network.GrandpaMessageReceived -= OnMessage;
        _network.PeerConnected -= OnPeerConnected;
        _network.PeerDisconnected -= OnPeerDisconnected;
        _client.BlockImported -= OnBlockImported;
        await _worker.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
