using Subtensor.Runtime.Framework.Codec;

namespace Subtensor.Runtime.Framework;

/// <summary>A dispatchable's argument: its name, codec (which carries its metadata type) and the Rust type name.</summary>
public sealed record CallArg(string Name, IScaleCodec Codec, string? TypeName = null);
