namespace Subtensor.TransactionPool;

/// <summary>The transaction lifecycle states a watcher sees (sc-transaction-pool-api <c>TransactionStatus</c>).</summary>
public enum TransactionStatusKind
{
    Future,
    Ready,
    Broadcast,
    InBlock,
    Retracted,
    FinalityTimeout,
    Finalized,
    Usurped,
    Dropped,
    Invalid,
}
