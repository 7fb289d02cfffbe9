using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>Validates a transaction against the state of a block (the runtime's <c>TaggedTransactionQueue</c>).</summary>
public interface ITransactionValidator
{
    ValidationResult Validate(TransactionSource source, ReadOnlyMemory<byte> extrinsic, Hash256 atBlock);
}
