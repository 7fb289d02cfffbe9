using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Metadata;

/// <summary>The metadata types that describe the extrinsic: the whole unchecked extrinsic, its address, signature and extension tuple.</summary>
public sealed record ExtrinsicTypes(MetaType UncheckedExtrinsic, MetaType Address, MetaType Signature, MetaType Extra);
