namespace Subtensor.Client.Blockchain;

/// <summary>Where an imported block came from (sp-consensus <c>BlockOrigin</c>).</summary>
public enum BlockOrigin
{
    Genesis,
    NetworkInitialSync,
    NetworkBroadcast,
    ConsensusBroadcast,
    Own,
    File,
}
