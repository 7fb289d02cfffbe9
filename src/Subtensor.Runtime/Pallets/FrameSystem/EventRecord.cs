using Subtensor.Core.Types;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>EventRecord&lt;RuntimeEvent, H256&gt;</c>: phase, event, topics.</summary>
public sealed record EventRecord(Phase Phase, RuntimeEvent Event, IReadOnlyList<Hash256> Topics);
