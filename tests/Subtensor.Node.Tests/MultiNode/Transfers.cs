using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Primitives;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>Signed, immortal <c>Balances::transfer_keep_alive</c> extrinsics from dev accounts (//Alice, //Eve, …).</summary>
internal static class Transfers
{
    public static readonly SubtensorRuntime Runtime = new(minimumPeriodMs: SubtensorRuntime.FastBlocksMinimumPeriodMs);

    public static AccountId32 Account(string seed)
        => KeyPairs.AccountIdOf(KeyScheme.Sr25519, KeyPairs.FromSuri("//" + seed, KeyScheme.Sr25519).Pair.PublicKey);

    public static byte[] Create(Hash256 genesis, string from, string to, ulong amount, uint nonce)
    {
        using var pair = KeyPairs.FromSuri("//" + from, KeyScheme.Sr25519);
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.Pair.PublicKey);
        var call = Runtime.Balances.TransferKeepAlive.Create(MultiAddress.FromId(Account(to)), amount);
        var extra = new SignedExtra(Era.Immortal, nonce, 0, false);
        var implicitData = new ImplicitData(Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, genesis, genesis, null);
        var callBytes = call.Encode();
        var signature = new MultiSignature(KeyScheme.Sr25519, pair.Pair.Sign(UncheckedExtrinsic.SigningPayload(callBytes, extra, implicitData)));
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }
}
