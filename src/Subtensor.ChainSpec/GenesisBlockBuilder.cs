using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.ChainSpec;

/// <summary>
/// Builds the genesis block as Substrate does (<c>sc_chain_spec::genesis_block</c>): genesis storage, the state
/// version from the runtime's <c>runtime_version</c> section (or an override), the state root, and the header
/// (zero parent, number 0, empty extrinsics root, empty digest).
/// </summary>
public static class GenesisBlockBuilder
{
    /// <param name="spec">The chain spec.</param>
    /// <param name="stateVersion">Overrides the state version read from <c>:code</c> (the <c>--state-version</c> flag).</param>
    /// <param name="runtimeGenesis">Turns a <c>runtimeGenesis</c> config into storage; needed only for that form.</param>
    public static GenesisBlock Build(ChainSpec spec, TrieLayout? stateVersion = null, IRuntimeGenesisBuilder? runtimeGenesis = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var storage = Storage(spec, runtimeGenesis);
        var topPath = spec.Genesis.Format == GenesisFormat.Raw ? "$.genesis.raw.top" : "$.genesis.runtimeGenesis";
        foreach (var key in storage.Top.Keys)
        {
            if (key.AsSpan().StartsWith(TrieConstants.ChildStorageKeyPrefix))
            {
                throw new ChainSpecException("the top storage may not hold :child_storage: keys (use childrenDefault)", KeyPath(topPath, key));
            }
        }

        RuntimeVersion? version = null;
        TrieLayout layout;
        if (stateVersion is { } forced)
        {
            layout = forced;
        }
        else
        {
            version = ReadRuntimeVersion(storage, topPath);
            layout = version.StateVersion == 0 ? TrieLayout.V0 : TrieLayout.V1;
        }

        var header = new Header(Hash256.Zero, 0, storage.StateRoot(layout), TrieConstants.EmptyRoot, Digest.Empty);
        return new GenesisBlock(storage, layout, version, header);
    }

    /// <summary>The genesis storage of <paramref name="spec"/> (for runtimeGenesis, through <paramref name="runtimeGenesis"/>).</summary>
    public static GenesisStorage Storage(ChainSpec spec, IRuntimeGenesisBuilder? runtimeGenesis = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var genesis = spec.Genesis;
        switch (genesis.Format)
        {
            case GenesisFormat.Raw:
                return genesis.Raw!;
            case GenesisFormat.RuntimeGenesis:
                if (runtimeGenesis is null)
                {
                    throw new ChainSpecException("building storage from runtimeGenesis needs the runtime's genesis builder, which is not available", "$.genesis.runtimeGenesis");
                }

                var storage = runtimeGenesis.BuildStorage(genesis.Code!, genesis.RuntimeGenesisConfig!.Value, genesis.IsPatch);
                storage.Top[GenesisStorage.CodeKey] = genesis.Code!;
                return storage;
            case GenesisFormat.StateRootHash:
                throw new ChainSpecException("genesis storage in hash format is not supported", "$.genesis.stateRootHash");
            default:
                throw new ChainSpecException("the deprecated native genesis form is not supported; use a raw chain spec", "$.genesis");
        }
    }

    /// <summary>
    /// The runtime version from the <c>runtime_version</c> custom section of <c>:code</c> (decompressed if needed),
    /// as Substrate's <c>resolve_state_version_from_wasm</c> obtains it without running the runtime.
    /// </summary>
    public static RuntimeVersion ReadRuntimeVersion(GenesisStorage storage, string topPath = "$.genesis.raw.top")
    {
        ArgumentNullException.ThrowIfNull(storage);
        var codePath = KeyPath(topPath, GenesisStorage.CodeKey);
        var code = storage.Code ?? throw new ChainSpecException("runtime missing from initial storage (:code), could not read the state version; pass --state-version", codePath);
        try
        {
            return RuntimeBlob.UncompressIfNeeded(code).ReadEmbeddedVersion()
                   ?? throw new ChainSpecException("the runtime has no runtime_version custom section and cannot be executed here; pass --state-version", codePath);
        }
        catch (InvalidRuntimeCodeException e)
        {
            throw new ChainSpecException(e.Message, codePath, e);
        }
    }

    private static string KeyPath(string mapPath, byte[] key) => ChainSpecReader.Child(mapPath, Hex.ToHex(key));
}
