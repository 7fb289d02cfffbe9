namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>sp_arithmetic <c>ArithmeticError</c>.</summary>
public enum ArithmeticError : byte
{
    Underflow = 0,
    Overflow = 1,
    DivisionByZero = 2,
}
