using Subtensor.Core.Types;

namespace Subtensor.Network.Sync;

/// <summary>What the import queue did with one block: outcome, whether it became the best block, and an error text for failures.</summary>
public sealed record BlockImportResult(Hash256 Hash, BlockImportOutcome Outcome, bool IsNewBest = false, string? Error = null);
