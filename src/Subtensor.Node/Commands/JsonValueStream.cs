using System.Text.Json;

namespace Subtensor.Node.Commands;

/// <summary>
/// Reads a stream of JSON values one at a time, as serde_json's <c>StreamDeserializer</c> does: values back to back or
/// separated by whitespace. Only the value being read is buffered; a value that cannot be parsed throws
/// <see cref="JsonException"/> after every earlier value was returned.
/// </summary>
internal sealed class JsonValueStream
{
    private readonly Stream _input;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public JsonValueStream(Stream input) => _input = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>The next value, or null at the end of the input.</summary>
    public JsonElement? Next()
    {
        while (true)
        {
            while (_start < _end && _buffer[_start] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                _start++;
            }

            if (_start == _end)
            {
                if (_eof)
                {
                    return null;
                }

                Fill(minimum: 1);
                continue;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: _eof, state: default);
            if (JsonDocument.TryParseValue(ref reader, out var document))
            {
                using (document)
                {
                    _start += checked((int)reader.BytesConsumed);
                    return document!.RootElement.Clone();
                }
            }

            if (_eof)
            {
                throw new JsonException("the input ends inside a JSON value");
            }

            Fill(minimum: _end - _start); // at least double what is buffered, so a large value is parsed O(n) times overall
        }
    }

    private void Fill(int minimum)
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < minimum)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + minimum));
        }

        var target = _end + minimum;
        while (_end < target)
        {
            var read = _input.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
        }
    }
}
