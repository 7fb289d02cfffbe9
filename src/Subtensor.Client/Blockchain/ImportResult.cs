using Subtensor.Core.Types;

namespace Subtensor.Client.Blockchain;

/// <summary>What importing one block did.</summary>
public sealed record ImportResult(ImportStatus Status, Hash256 Hash, uint Number, bool IsNewBest = false, string? Reason = null)
{
    public bool IsImported => Status == ImportStatus.Imported;
}
