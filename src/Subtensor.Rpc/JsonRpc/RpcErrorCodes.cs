namespace Subtensor.Rpc.JsonRpc;

/// <summary>JSON-RPC 2.0 codes, jsonrpsee's server codes and Substrate's (sc-rpc-api <c>author/error.rs</c>, base 1000).</summary>
public static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>jsonrpsee: request batch or body over the limit.</summary>
    public const int OversizedRequest = -32007;

    /// <summary>jsonrpsee: too many subscriptions on one connection.</summary>
    public const int TooManySubscriptions = -32006;

    /// <summary>jsonrpsee: server busy (connection limit).</summary>
    public const int ServerBusy = -32009;

    /// <summary>sc-rpc-api: unsafe method called while <c>--rpc-methods safe</c>.</summary>
    public const int UnsafeRpcCalled = -32601;

    public const int AuthorBadFormat = 1001;
    public const int AuthorVerificationError = 1002;
    public const int PoolInvalidTransaction = 1010;
    public const int PoolUnknownValidity = 1011;
    public const int PoolTemporarilyBanned = 1012;
    public const int PoolAlreadyImported = 1013;
    public const int PoolTooLowPriority = 1014;
    public const int PoolCycleDetected = 1015;
    public const int PoolImmediatelyDropped = 1016;
    public const int PoolUnactionable = 1018;
    public const int PoolNoTags = 1019;
    public const int PoolInvalidBlockId = 1020;
    public const int PoolFutureRejected = 1021;
    public const int AuthorOther = 1040;

    /// <summary>json-rpc-interface-spec: too many chainHead_v1_follow subscriptions.</summary>
    public const int ChainHeadReachedLimits = -32800;

    /// <summary>json-rpc-interface-spec: the block was not reported by the follow subscription, or was unpinned.</summary>
    public const int ChainHeadInvalidBlock = -32801;

    /// <summary>json-rpc-interface-spec: chainHead_v1_call on a subscription that follows without the runtime.</summary>
    public const int ChainHeadInvalidRuntimeCall = -32802;

    /// <summary>json-rpc-interface-spec: chainHead_v1_continue on an operation that is not waiting for it.</summary>
    public const int ChainHeadInvalidContinue = -32803;

    /// <summary>json-rpc-interface-spec: chainHead_v1_unpin with a hash given twice.</summary>
    public const int ChainHeadDuplicateHashes = -32804;

    /// <summary>sc-rpc-api base codes: system 2000, chain 3000, state 4000, offchain 5000.</summary>
    public const int SystemBase = 2000;
    public const int ChainBase = 3000;
    public const int StateBase = 4000;
}
