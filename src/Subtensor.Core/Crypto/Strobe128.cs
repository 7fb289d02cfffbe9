using System.Buffers.Binary;
using System.Security.Cryptography;
using Subtensor.Core.Hashing;

namespace Subtensor.Core.Crypto;

/// <summary>
/// The subset of STROBE-128/1600 (strobe.sourceforge.io, v1.0.2) that Merlin transcripts use:
/// meta-AD, AD, PRF and KEY, without the transport flag. Rate R = 166 bytes; flags I/A/C/T/M/K as in the spec.
/// </summary>
internal sealed class Strobe128 : IDisposable
{
    private const int Rate = 166;
    private const byte FlagI = 1;
    private const byte FlagA = 1 << 1;
    private const byte FlagC = 1 << 2;
    private const byte FlagT = 1 << 3;
    private const byte FlagM = 1 << 4;
    private const byte FlagK = 1 << 5;

    private readonly byte[] _state = new byte[200];
    private int _pos;
    private int _posBegin;
    private byte _curFlags;

    /// <summary>Initialises the sponge (STROBE §5.1 with security 128) and absorbs <paramref name="protocolLabel"/> as meta-AD.</summary>
    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        // Domain separation block: [1, R+2, 1, 0, 1, 96] || "STROBEv1.0.2", then F.
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96];
        header.CopyTo(_state);
        "STROBEv1.0.2"u8.CopyTo(_state.AsSpan(6));
        Permute();
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        other._state.CopyTo(_state, 0);
        _pos = other._pos;
        _posBegin = other._posBegin;
        _curFlags = other._curFlags;
    }

    public Strobe128 Clone() => new(this);

    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagM | FlagA, more);
        Absorb(data);
    }

    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagA, more);
        Absorb(data);
    }

    public void Prf(Span<byte> output, bool more)
    {
        BeginOp(FlagI | FlagA | FlagC, more);
        Squeeze(output);
    }

    public void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagA | FlagC, more);
        Overwrite(data);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_state);

    private void RunF()
    {
        _state[_pos] ^= (byte)_posBegin;
        _state[_pos + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        Permute();
        _pos = 0;
        _posBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_pos++] ^= b;
            if (_pos == Rate)
            {
                RunF();
            }
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_pos++] = b;
            if (_pos == Rate)
            {
                RunF();
            }
        }
    }

    private void Squeeze(Span<byte> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _state[_pos];
            _state[_pos++] = 0;
            if (_pos == Rate)
            {
                RunF();
            }
        }
    }

    private void BeginOp(byte flags, bool more)
    {
        if (more)
        {
            if (_curFlags != flags)
            {
                throw new InvalidOperationException($"STROBE: cannot continue operation {_curFlags:x2} with flags {flags:x2}");
            }

            return;
        }

        if ((flags & FlagT) != 0)
        {
            throw new InvalidOperationException("STROBE: the transport flag is not supported");
        }

        var oldBegin = (byte)_posBegin;
        _posBegin = _pos + 1;
        _curFlags = flags;
        Absorb([oldBegin, flags]);

        // C and K force a permutation so the operation starts on a fresh block.
        if ((flags & (FlagC | FlagK)) != 0 && _pos != 0)
        {
            RunF();
        }
    }

    private void Permute()
    {
        Span<ulong> lanes = stackalloc ulong[25];
        for (var i = 0; i < 25; i++)
        {
            lanes[i] = BinaryPrimitives.ReadUInt64LittleEndian(_state.AsSpan(i * 8));
        }

        KeccakF1600.Permute(lanes);
        for (var i = 0; i < 25; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_state.AsSpan(i * 8), lanes[i]);
        }

        lanes.Clear();
    }
}
