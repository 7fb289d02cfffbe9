using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// One entry of the runtime's transaction-extension tuple, as the metadata lists it: identifier, the type of its
/// explicit part (carried in the extrinsic) and of its implicit part (only signed). <see cref="TupleType"/> is the
/// type that appears in the extension tuple itself (differs when a wrapper reports its inner extension's metadata).
/// </summary>
public sealed record TransactionExtensionDef(string Identifier, MetaType Type, MetaType Implicit, MetaType? TupleType = null)
{
    public MetaType InTuple => TupleType ?? Type;
}
