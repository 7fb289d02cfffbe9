using Subtensor.Network.Yamux;

namespace Subtensor.Network.Host;

/// <summary>Serves one inbound substream after its protocol was negotiated; the host disposes the stream when it returns.</summary>
public delegate Task ProtocolHandler(Libp2pConnection connection, YamuxStream stream, CancellationToken cancellationToken);
