namespace Subtensor.Network.Sync;

/// <summary>Where a block to import comes from (sp-consensus <c>BlockOrigin</c>).</summary>
public enum BlockOrigin
{
    Genesis,
    NetworkInitialSync,
    NetworkBroadcast,
    ConsensusBroadcast,
    Own,
    File,
}
