using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Api;

/// <summary>A runtime API method: name, inputs (name, codec carrying the metadata type), output codec, handler.</summary>
public sealed record RuntimeApiMethod(string Name, IReadOnlyList<(string Name, IScaleCodec Codec)> Inputs, IScaleCodec Output, RuntimeApiHandler Handler, IReadOnlyList<string>? Docs = null);
