using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.State;
using Subtensor.TransactionPool;
using PoolSource = Subtensor.TransactionPool.TransactionSource;
using PoolValid = Subtensor.TransactionPool.ValidTransaction;
using RuntimeSource = Subtensor.Runtime.Extrinsics.TransactionSource;

namespace Subtensor.Client.Pool;

/// <summary>The pool's validator: the runtime's <c>TaggedTransactionQueue_validate_transaction</c> at a block's state.</summary>
public sealed class RuntimeTransactionValidator : ITransactionValidator
{
    private readonly ChainClient _client;

    public RuntimeTransactionValidator(ChainClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    public ValidationResult Validate(PoolSource source, ReadOnlyMemory<byte> extrinsic, Hash256 atBlock)
    {
        var at = atBlock.IsZero ? _client.Best.Hash : atBlock;
        var state = new OverlayedState(_client.StateAt(at));
        (Runtime.Extrinsics.ValidTransaction? Valid, TransactionValidityError? Error) result;
        try
        {
            result = _client.Runtime.Executive.ValidateTransaction(state, (RuntimeSource)(byte)source, extrinsic.ToArray(), at);
        }
        catch (Core.Scale.ScaleDecodeException e)
        {
            throw new TransactionPoolException(TransactionPoolErrorKind.BadFormat, "Extrinsic has invalid format: " + e.Reason);
        }

        if (result.Valid is { } v)
        {
            return ValidationResult.Ok(new PoolValid(v.Priority, v.Requires, v.Provides, v.Longevity, v.Propagate));
        }

        var error = result.Error!;
        return error.IsUnknown ? ValidationResult.Unknown(Describe(error)) : ValidationResult.Invalid(Describe(error));
    }

    /// <summary>The text Substrate puts in the RPC error's data for a validity error (sp-runtime's <c>Into&lt;&amp;str&gt;</c>).</summary>
    public static string Describe(TransactionValidityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.IsUnknown)
        {
            return (UnknownTransaction)error.Code switch
            {
                UnknownTransaction.CannotLookup => "Could not lookup information required to validate the transaction",
                UnknownTransaction.NoUnsignedValidator => "Could not find an unsigned validator for the unsigned transaction",
                _ => $"UnknownTransaction custom error {error.Custom}",
            };
        }

        return (InvalidTransaction)error.Code switch
        {
            InvalidTransaction.Call => "Transaction call is not expected",
            InvalidTransaction.Payment => "Inability to pay some fees (e.g. account balance too low)",
            InvalidTransaction.Future => "Transaction will be valid in the future",
            InvalidTransaction.Stale => "Transaction is outdated",
            InvalidTransaction.BadProof => "Transaction has a bad signature",
            InvalidTransaction.AncientBirthBlock => "Transaction has an ancient birth block",
            InvalidTransaction.ExhaustsResources => "Transaction would exhaust the block limits",
            InvalidTransaction.Custom => $"Custom error: {error.Custom}",
            InvalidTransaction.BadMandatory => "A call was labelled as mandatory, but resulted in an Error.",
            InvalidTransaction.MandatoryValidation => "Transaction dispatch is mandatory; transactions must not be validated.",
            InvalidTransaction.BadSigner => "Invalid signing address",
            InvalidTransaction.IndeterminateImplicit => "The implicit data was unable to be calculated",
            InvalidTransaction.UnknownOrigin => "The transaction extension did not authorize any origin",
            _ => "Invalid transaction",
        };
    }
}
