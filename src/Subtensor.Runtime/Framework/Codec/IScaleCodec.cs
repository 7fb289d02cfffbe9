using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Framework.Codec;

/// <summary>A SCALE codec for values handled as objects (call arguments, event fields), with its metadata type.</summary>
public interface IScaleCodec
{
    MetaType Type { get; }

    void EncodeObject(ScaleWriter writer, object? value);

    object? DecodeObject(ref ScaleReader reader);
}
