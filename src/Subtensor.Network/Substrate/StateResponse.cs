using Google.Protobuf;

namespace Subtensor.Network.Substrate;

/// <summary><c>/…/state/2</c> response: <c>StateResponse{ repeated KeyValueStateEntry entries = 1; bytes proof = 2 }</c>.</summary>
public sealed record StateResponse(IReadOnlyList<KeyValueStateEntry> Entries, byte[] Proof)
{
    public byte[] Encode()
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        foreach (var entry in Entries)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(EncodeEntry(entry));
        }

        if (Proof.Length > 0)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Proof));
        }

        output.Flush();
        return memory.ToArray();
    }

    public static StateResponse Decode(ReadOnlySpan<byte> bytes)
    {
        var entries = new List<KeyValueStateEntry>();
        var proof = Array.Empty<byte>();
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
                {
                    case (1, WireFormat.WireType.LengthDelimited):
                        entries.Add(DecodeEntry(input.ReadBytes()));
                        break;
                    case (2, WireFormat.WireType.LengthDelimited):
                        proof = input.ReadBytes().ToByteArray();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Libp2pProtocolException("state response: malformed protobuf: " + ex.Message, ex);
        }

        return new StateResponse(entries, proof);
    }

    private static ByteString EncodeEntry(KeyValueStateEntry entry)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        if (entry.StateRoot.Length > 0)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(entry.StateRoot));
        }

        foreach (var kv in entry.Entries)
        {
            using var inner = new MemoryStream();
            var innerOutput = new CodedOutputStream(inner);
            innerOutput.WriteTag(1, WireFormat.WireType.LengthDelimited);
            innerOutput.WriteBytes(ByteString.CopyFrom(kv.Key));
            innerOutput.WriteTag(2, WireFormat.WireType.LengthDelimited);
            innerOutput.WriteBytes(ByteString.CopyFrom(kv.Value));
            innerOutput.Flush();
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
        }

        if (entry.Complete)
        {
            output.WriteTag(3, WireFormat.WireType.Varint);
            output.WriteBool(true);
        }

        output.Flush();
        return ByteString.CopyFrom(memory.ToArray());
    }

    private static KeyValueStateEntry DecodeEntry(ByteString bytes)
    {
        var root = Array.Empty<byte>();
        var entries = new List<StateEntry>();
        var complete = false;
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    root = input.ReadBytes().ToByteArray();
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    entries.Add(DecodeStateEntry(input.ReadBytes()));
                    break;
                case (3, WireFormat.WireType.Varint):
                    complete = input.ReadBool();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new KeyValueStateEntry(root, entries, complete);
    }

    private static StateEntry DecodeStateEntry(ByteString bytes)
    {
        var key = Array.Empty<byte>();
        var value = Array.Empty<byte>();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    key = input.ReadBytes().ToByteArray();
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    value = input.ReadBytes().ToByteArray();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new StateEntry(key, value);
    }
}
