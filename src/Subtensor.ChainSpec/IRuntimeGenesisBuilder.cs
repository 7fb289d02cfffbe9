using System.Text.Json;

namespace Subtensor.ChainSpec;

/// <summary>
/// Turns a <c>runtimeGenesis</c> config or patch into genesis storage (Substrate's <c>GenesisBuilder</c> runtime
/// API). Implemented by the runtime; <c>:code</c> is added by the caller.
/// </summary>
public interface IRuntimeGenesisBuilder
{
    GenesisStorage BuildStorage(byte[] code, JsonElement config, bool isPatch);
}
