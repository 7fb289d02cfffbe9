namespace Subtensor.Network.Substrate;

/// <summary>
/// The <c>fields</c> bit mask of a block request. The spec's flags are "big-endian": they sit in the high byte of the uint32
/// (sc-network-sync <c>BlockAttributes::to_be_u32</c>; smoldot <c>block_request.rs</c>).
/// </summary>
[Flags]
public enum BlockAttributes : uint
{
    None = 0,
    Header = 1u << 24,
    Body = 1u << 25,
    Receipt = 1u << 26,
    MessageQueue = 1u << 27,
    Justification = 1u << 28,
    IndexedBody = 1u << 29,
}
