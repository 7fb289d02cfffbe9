namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// <c>pallet_subtensor::pallet::NeuronCertificate</c>: a TLS public key (≤ 64 bytes) and its algorithm byte, parsed from
/// serve_axon_tls' certificate (first byte = algorithm, at most 65 bytes in all).
/// </summary>
public sealed record NeuronCertificate(byte[] PublicKey, byte Algorithm)
{
    /// <summary><c>TryFrom&lt;Vec&lt;u8&gt;&gt;</c>: null for an empty or over-long certificate.</summary>
    public static NeuronCertificate? TryParse(byte[] certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Length is 0 or > 65 ? null : new NeuronCertificate(certificate[1..], certificate[0]);
    }
}
