using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Api;

/// <summary>Executes a runtime API method on SCALE-encoded arguments and returns its SCALE-encoded result.</summary>
public delegate byte[] RuntimeApiHandler(IStateAccess state, byte[] args);

/// <summary>A runtime API method: name, inputs (name, codec carrying the metadata type), output codec, handler.</summary>
public sealed record RuntimeApiMethod(string Name, IReadOnlyList<(string Name, IScaleCodec Codec)> Inputs, IScaleCodec Output, RuntimeApiHandler Handler, IReadOnlyList<string>? Docs = null);
