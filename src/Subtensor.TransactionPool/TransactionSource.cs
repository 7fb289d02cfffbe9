namespace Subtensor.TransactionPool;

/// <summary>Where a transaction comes from (sp-runtime <c>TransactionSource</c>, SCALE order).</summary>
public enum TransactionSource : byte
{
    InBlock = 0,
    Local = 1,
    External = 2,
}
