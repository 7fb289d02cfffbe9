namespace Subtensor.TransactionPool;

/// <summary>Why the pool refused a transaction; each maps to Substrate's RPC code (sc-rpc-api author errors).</summary>
public enum TransactionPoolErrorKind
{
    /// <summary>1010 "Invalid Transaction".</summary>
    InvalidTransaction = 1010,

    /// <summary>1011 "Unknown Transaction Validity".</summary>
    UnknownValidity = 1011,

    /// <summary>1012 "Transaction is temporarily banned".</summary>
    TemporarilyBanned = 1012,

    /// <summary>1013 "Transaction Already Imported".</summary>
    AlreadyImported = 1013,

    /// <summary>1014 "Priority is too low".</summary>
    TooLowPriority = 1014,

    /// <summary>1015 "Cycle Detected".</summary>
    CycleDetected = 1015,

    /// <summary>1016 "Immediately Dropped" (pool limits).</summary>
    ImmediatelyDropped = 1016,

    /// <summary>1019 "No tags provided".</summary>
    NoTagsProvided = 1019,

    /// <summary>1001 "Extrinsic has invalid format".</summary>
    BadFormat = 1001,
}
