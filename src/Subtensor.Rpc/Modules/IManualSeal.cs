using Subtensor.Core.Types;

namespace Subtensor.Rpc.Modules;

/// <summary>Manual sealing (<c>--sealing manual</c>): <c>engine_createBlock</c> / <c>engine_finalizeBlock</c> like Substrate's manual-seal.</summary>
public interface IManualSeal
{
    /// <summary>Authors a block now (empty if <paramref name="createEmpty"/> and the pool is empty); returns its hash.</summary>
    Hash256 CreateBlock(bool createEmpty, bool finalize, Hash256? parentHash);

    /// <summary>Finalizes a block.</summary>
    bool FinalizeBlock(Hash256 hash);
}
