using Subtensor.Client.Blockchain;
using Subtensor.Client.State;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Runtime;
using Subtensor.Runtime.Api;
using Subtensor.Storage.Chain;
using Subtensor.Storage.State;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// Reads a block's state and calls its runtime for the state-like modules, turning every client failure (unknown or
/// pruned block, missing node, runtime error) into the error Substrate's state module answers: code 4003, "Client
/// error: …" (sc-rpc-api <c>state/error.rs</c>).
/// </summary>
internal sealed class StateAccess(ChainClient client)
{
    public ChainClient Client { get; } = client;

    public Hash256 BestOr(Hash256? hash) => hash ?? Client.Best.Hash;

    /// <summary>Runs <paramref name="read"/> on the state of <paramref name="at"/>.</summary>
    public T Read<T>(Hash256 at, Func<TrieStateBackend, T> read)
    {
        try
        {
            return read(Client.StateAt(at));
        }
        catch (Exception e) when (IsClientError(e))
        {
            throw ClientError(e);
        }
    }

    /// <summary>Runs <paramref name="read"/> on the raw trie-node view of <paramref name="at"/> (proofs, key iteration).</summary>
    public T ReadNodes<T>(Hash256 at, Func<StateView, T> read)
    {
        try
        {
            return read(Client.Database.GetState(at));
        }
        catch (Exception e) when (IsClientError(e))
        {
            throw ClientError(e);
        }
    }

    /// <summary>A runtime API call at <paramref name="at"/> (<c>state_call</c>).</summary>
    public byte[] Call(Hash256 at, string method, byte[] args)
    {
        if (!Client.Runtime.Apis.Has(method))
        {
            // Substrate's executor: "Other: Exported method X is not found".
            Read(at, _ => 0);
            throw new RpcException(RpcErrorCodes.StateBase + 3, $"Client error: Execution failed: Other: Exported method {method} is not found");
        }

        try
        {
            return Client.Call(at, method, args);
        }
        catch (Exception e) when (IsClientError(e))
        {
            throw ClientError(e);
        }
    }

    public RuntimeVersion VersionAt(Hash256 at) => Core.Types.RuntimeVersion.Decode(Call(at, "Core_version", []));

    /// <summary>Failures of the client while serving a state query (not bugs of the RPC layer).</summary>
    public static bool IsClientError(Exception e) => e is StateUnavailableException or MissingTrieNodeException or InvalidTrieNodeException
        or RuntimeApiException or RuntimePanicException or ScaleDecodeException;

    /// <summary>sc-rpc-api state error "Client error: …" (base 4000 + 3), with sp-blockchain's wording for unknown blocks.</summary>
    public static RpcException ClientError(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = e switch
        {
            StateUnavailableException { Reason: StateUnavailableReason.UnknownBlock } s => $"UnknownBlock: Header was not found in the database: {s.Block}",
            StateUnavailableException s => $"UnknownBlock: State already discarded for {s.Block}",
            MissingTrieNodeException m => $"UnknownBlock: State already discarded ({m.Message})",
            RuntimeApiException or RuntimePanicException => "Execution failed: " + e.Message,
            _ => e.Message,
        };
        return new RpcException(RpcErrorCodes.StateBase + 3, "Client error: " + text);
    }
}
