using Subtensor.Runtime.Api;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Metadata;

/// <summary>
/// Generates the runtime metadata (V14 or V15) from the pallets' declarations, the extrinsic format, the transaction
/// extensions and the runtime APIs. Nothing in it is written by hand.
/// </summary>
public static class RuntimeMetadataBuilder
{
    public static RuntimeMetadata Build(
        int version,
        IReadOnlyList<Pallet> pallets,
        RuntimeOuterTypes outer,
        ExtrinsicTypes extrinsic,
        IReadOnlyList<TransactionExtensionDef> extensions,
        IReadOnlyList<RuntimeApiDef> apis)
    {
        ArgumentNullException.ThrowIfNull(pallets);
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(extrinsic);
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(apis);
        if (version is not (14 or 15))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "metadata versions 14 and 15 are supported");
        }

        var registry = new TypeRegistry();
        var palletMetadata = pallets.OrderBy(p => p.Index).Select(p => p.ToMetadata(registry)).ToList();
        var extrinsicType = registry.Register(extrinsic.UncheckedExtrinsic);
        var exts = extensions.Select(e => new SignedExtensionMetadata(e.Identifier, registry.Register(e.Type), registry.Register(e.Implicit))).ToList();
        var extrinsicMetadata = new ExtrinsicMetadata(
            extrinsicType,
            4,
            registry.Register(extrinsic.Address),
            registry.Register(outer.Call),
            registry.Register(extrinsic.Signature),
            registry.Register(extrinsic.Extra),
            exts);
        var runtimeType = registry.Register(outer.RuntimeType);
        IReadOnlyList<RuntimeApiMetadata> apiMetadata = [];
        uint call = 0, ev = 0, err = 0;
        if (version >= 15)
        {
            apiMetadata = apis.Select(a => new RuntimeApiMetadata(
                a.Name,
                a.Methods.Select(m => new RuntimeApiMethodMetadata(
                    m.Name,
                    m.Inputs.Select(i => new RuntimeApiMethodParamMetadata(i.Name, registry.Register(i.Codec.Type))).ToList(),
                    registry.Register(m.Output.Type),
                    m.Docs ?? [])).ToList(),
                a.Docs ?? [])).ToList();
            call = registry.Register(outer.Call);
            ev = registry.Register(outer.Event);
            err = registry.Register(outer.Error);
        }

        return new RuntimeMetadata(
            version, registry.ToPortable(), palletMetadata, extrinsicMetadata, runtimeType, apiMetadata, call, ev, err,
            new Dictionary<string, CustomValueMetadata>());
    }
}
