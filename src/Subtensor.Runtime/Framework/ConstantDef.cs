using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Framework;

/// <summary>A pallet constant as the metadata shows it: name, type, SCALE value, docs.</summary>
public sealed record ConstantDef(string Name, MetaType Type, byte[] Value, IReadOnlyList<string>? Docs = null);
