using System.Text.Json.Nodes;
using Subtensor.Client.Blockchain;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>engine_createBlock</c> / <c>engine_finalizeBlock</c> of Substrate's manual-seal RPC, for nodes sealing on demand.
/// Failures carry manual-seal's codes (11000 import failed, 13000 block not found, 16000 finalization, 20000 other).
/// </summary>
public sealed class EngineRpc
{
    private const int BlockNotFound = 13_000;
    private const int BlockchainError = 16_000;
    private const int UnknownError = 20_000;
    private readonly IManualSeal _seal;
    private readonly ChainClient _client;

    public EngineRpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _seal = services.ManualSeal ?? throw new ArgumentException("manual sealing is not enabled", nameof(services));
        _client = services.Client;
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("engine_createBlock", (p, _) =>
        {
            var createEmpty = p.OptionalBool(0, "create_empty") ?? throw RpcException.InvalidParams("missing parameter 'create_empty'");
            var finalize = p.OptionalBool(1, "finalize") ?? throw RpcException.InvalidParams("missing parameter 'finalize'");
            var parent = p.OptionalHash(2, "parent_hash");
            if (parent is { } h && _client.GetHeader(h) is null)
            {
                throw new RpcException(BlockNotFound, $"Supplied parent_hash: {h} doesn't exist in chain");
            }

            var hash = Seal(() => _seal.CreateBlock(createEmpty, finalize, parent), UnknownError);

            // sc-consensus-manual-seal CreatedBlock { hash, aux: ImportedAux, proof_size }.
            return ValueTask.FromResult<JsonNode?>(new JsonObject
            {
                ["hash"] = RpcJson.Hash(hash),
                ["aux"] = new JsonObject
                {
                    ["header_only"] = false,
                    ["clear_justification_requests"] = false,
                    ["needs_justification"] = false,
                    ["bad_justification"] = false,
                    ["is_new_best"] = _client.Best.Hash == hash,
                },
                ["proof_size"] = 0,
            });
        }, isUnsafe: false);
        registry.Add("engine_finalizeBlock", (p, _) =>
        {
            var hash = p.RequiredHash(0, "hash");
            if (_client.GetHeader(hash) is null)
            {
                throw new RpcException(BlockchainError, $"Finalization Error: UnknownBlock: {hash}");
            }

            var done = Seal(() => _seal.FinalizeBlock(hash), BlockchainError);
            return ValueTask.FromResult<JsonNode?>(JsonValue.Create(done));
        });
    }

    private static T Seal<T>(Func<T> action, int code)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or TimeoutException)
        {
            throw new RpcException(code, e.Message);
        }
    }
}
