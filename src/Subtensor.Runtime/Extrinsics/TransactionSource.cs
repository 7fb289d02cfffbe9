namespace Subtensor.Runtime.Extrinsics;

/// <summary>sp_runtime <c>TransactionSource</c>: 0 InBlock, 1 Local, 2 External.</summary>
public enum TransactionSource : byte
{
    InBlock = 0,
    Local = 1,
    External = 2,
}
