using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Api.Info;

/// <summary>One field of <c>Metagraph</c> (and, wrapped in <c>Option</c>, of <c>SelectiveMetagraph</c>): name, metadata type, Rust type name, encoder.</summary>
public sealed record MetagraphField(string Name, MetaType Type, string TypeName, Action<ScaleWriter, MetagraphSource> Write);
