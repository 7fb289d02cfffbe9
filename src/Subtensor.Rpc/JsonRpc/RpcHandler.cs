using System.Text.Json.Nodes;

namespace Subtensor.Rpc.JsonRpc;

/// <summary>Handles one method call; returns the JSON result (null is JSON null) or throws <see cref="RpcException"/>.</summary>
public delegate ValueTask<JsonNode?> RpcHandler(RpcParams parameters, CancellationToken cancellationToken);
