using BenchmarkDotNet.Attributes;
using Subtensor.Core.Crypto;

namespace Subtensor.Benchmarks;

/// <summary>Signature throughput; targets from the issue: sr25519 verify ≥ 15,000/s and ed25519 verify ≥ 30,000/s on one core.</summary>
[MemoryDiagnoser]
public class CryptoBenchmarks : IDisposable
{
    private readonly byte[] _message = new byte[128];
    private Sr25519KeyPair _sr = null!;
    private Ed25519KeyPair _ed = null!;
    private EcdsaKeyPair _ecdsa = null!;
    private byte[] _srPublic = [];
    private byte[] _edPublic = [];
    private byte[] _ecdsaPublic = [];
    private byte[] _srSignature = [];
    private byte[] _edSignature = [];
    private byte[] _ecdsaSignature = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_message);
        var seed = new byte[32];
        new Random(2).NextBytes(seed);
        _sr = Sr25519.FromMiniSecret(seed);
        _ed = Ed25519.FromSeed(seed);
        _ecdsa = Ecdsa.FromSeed(seed);
        _srPublic = _sr.PublicKey;
        _edPublic = _ed.PublicKey;
        _ecdsaPublic = _ecdsa.PublicKey;
        _srSignature = _sr.Sign(_message);
        _edSignature = _ed.Sign(_message);
        _ecdsaSignature = _ecdsa.Sign(_message);
    }

    [Benchmark]
    public byte[] Sr25519Sign() => _sr.Sign(_message);

    [Benchmark]
    public bool Sr25519Verify() => Sr25519.Verify(_srSignature, _message, _srPublic);

    [Benchmark]
    public byte[] Ed25519Sign() => _ed.Sign(_message);

    [Benchmark]
    public bool Ed25519Verify() => Ed25519.Verify(_edSignature, _message, _edPublic);

    [Benchmark]
    public bool EcdsaVerify() => Ecdsa.Verify(_ecdsaSignature, _message, _ecdsaPublic);

    public void Dispose()
    {
        _sr?.Dispose();
        _ed?.Dispose();
        _ecdsa?.Dispose();
        GC.SuppressFinalize(this);
    }
}
