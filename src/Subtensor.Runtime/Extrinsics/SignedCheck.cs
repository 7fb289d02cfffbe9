using Subtensor.Core.Types;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>What preparing a signed extrinsic's extensions left for after dispatch: signer, explicit data and the fee withdrawn.</summary>
public sealed record SignedCheck(AccountId32 Who, SignedExtra Extra, ulong FeeWithdrawn);
