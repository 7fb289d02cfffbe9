using System.Collections.Concurrent;
using Subtensor.Consensus.Aura;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.Aura;

namespace Subtensor.Node.Networking;

/// <summary>
/// Verifies the Aura seals of downloaded blocks ahead of their import, on another core (sc-consensus's import queue verifies in a stage
/// of its own): <see cref="Preverify"/> checks each seal against the authority of its slot and remembers the verified
/// (pre-seal hash, signature, key); the engine's <see cref="AuraEngine.SignatureCheck"/> is <see cref="Check"/>, which answers from
/// that memory when everything matches and verifies otherwise. A wrong guess of the authority set only costs a verification.
/// </summary>
internal sealed class SealVerifier
{
    private const int MaxEntries = 8192;
    private readonly ConcurrentDictionary<Hash256, (byte[] Signature, byte[] Key)> _verified = new();

    /// <summary>The <see cref="AuraEngine.SignatureCheck"/> of the node's engine.</summary>
    public bool Check(byte[] signature, Hash256 preSealHash, byte[] publicKey)
    {
        if (_verified.TryRemove(preSealHash, out var known) && known.Signature.AsSpan().SequenceEqual(signature) && known.Key.AsSpan().SequenceEqual(publicKey))
        {
            return true;
        }

        return Sr25519.Verify(signature, preSealHash.ToArray(), publicKey);
    }

    /// <summary>Verifies the seals of <paramref name="headers"/> in order, assuming <paramref name="authorities"/>, until cancelled.</summary>
    public void Preverify(IEnumerable<Header> headers, IReadOnlyList<byte[]> authorities, CancellationToken cancellationToken)
    {
        if (authorities.Count == 0)
        {
            return;
        }

        foreach (var header in headers)
        {
            if (cancellationToken.IsCancellationRequested || _verified.Count >= MaxEntries)
            {
                return;
            }

            if (AuraEngine.SplitSeal(header) is not { } split || AuraPallet.SlotFromDigest(split.PreSeal.Digest) is not { } slot || split.Signature.Length != 64)
            {
                continue;
            }

            var (preSeal, signature) = split;

            var key = authorities[(int)(slot % (ulong)authorities.Count)];
            var hash = preSeal.Hash();
            if (Sr25519.Verify(signature, hash.ToArray(), key))
            {
                _verified[hash] = (signature, key);
            }
        }
    }

    /// <summary>Forgets what was verified but not used (blocks that were not imported).</summary>
    public void Clear() => _verified.Clear();
}
