using System.Buffers;
using System.Buffers.Binary;
using Subtensor.Core.Crypto;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Noise;

/// <summary>
/// The Noise transport phase as a byte stream: writes are cut into frames of at most 65535 ciphertext bytes
/// (2-byte big-endian length ‖ ChaChaPoly ciphertext with empty associated data), reads decrypt frame by frame.
/// One reader and any number of writers (writes are serialised) may use it at once.
/// </summary>
public sealed class NoiseSecureStream : Stream
{
    /// <summary>Plaintext bytes that fit one transport frame.</summary>
    public const int MaxPlaintextPerFrame = NoiseHandshake.MaxMessageLength - ChaCha20Poly1305.TagLength;

    private readonly Stream _inner;
    private readonly NoiseCipherState _send;
    private readonly NoiseCipherState _receive;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _frame = new byte[NoiseHandshake.MaxMessageLength];
    private readonly byte[] _plaintext = new byte[MaxPlaintextPerFrame];
    private int _plainStart;
    private int _plainEnd;
    private bool _disposed;

    internal NoiseSecureStream(Stream inner, NoiseCipherState send, NoiseCipherState receive, IdentityPublicKey remotePublicKey)
    {
        _inner = inner;
        _send = send;
        _receive = receive;
        RemotePublicKey = remotePublicKey;
        RemotePeerId = remotePublicKey.ToPeerId();
    }

    /// <summary>The remote's verified libp2p identity key.</summary>
    public IdentityPublicKey RemotePublicKey { get; }

    public PeerId RemotePeerId { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads decrypted bytes; returns 0 at a clean end of stream on a frame boundary.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_plainStart == _plainEnd)
        {
            if (!await ReadFrameAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _plainEnd - _plainStart);
        _plaintext.AsMemory(_plainStart, count).CopyTo(buffer);
        _plainStart += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Encrypts <paramref name="buffer"/> into as many frames as needed and sends them in one write.</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return;
        }

        var frames = (buffer.Length + MaxPlaintextPerFrame - 1) / MaxPlaintextPerFrame;
        var size = buffer.Length + frames * (2 + ChaCha20Poly1305.TagLength);
        var output = ArrayPool<byte>.Shared.Rent(size);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var written = 0;
            for (var offset = 0; offset < buffer.Length; offset += MaxPlaintextPerFrame)
            {
                var chunk = buffer.Span.Slice(offset, Math.Min(MaxPlaintextPerFrame, buffer.Length - offset));
                var cipherLength = chunk.Length + ChaCha20Poly1305.TagLength;
                BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(written), (ushort)cipherLength);
                _send.EncryptWithAd(ReadOnlySpan<byte>.Empty, chunk, output.AsSpan(written + 2, cipherLength));
                written += 2 + cipherLength;
            }

            await _inner.WriteAsync(output.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            _send.Clear();
            _receive.Clear();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<bool> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var header = _frame.AsMemory(0, 2);
        var first = await _inner.ReadAsync(header, cancellationToken).ConfigureAwait(false);
        if (first == 0)
        {
            return false;
        }

        if (first == 1)
        {
            await _inner.ReadExactlyAsync(header[1..], cancellationToken).ConfigureAwait(false);
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(header.Span);
        if (length < ChaCha20Poly1305.TagLength)
        {
            throw new Libp2pProtocolException($"noise: transport frame of {length} bytes is shorter than its tag");
        }

        await _inner.ReadExactlyAsync(_frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        var plainLength = length - ChaCha20Poly1305.TagLength;
        _receive.DecryptWithAd(ReadOnlySpan<byte>.Empty, _frame.AsSpan(0, length), _plaintext.AsSpan(0, plainLength));
        _plainStart = 0;
        _plainEnd = plainLength;
        return true;
    }
}
