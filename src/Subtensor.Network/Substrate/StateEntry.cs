namespace Subtensor.Network.Substrate;

/// <summary>A key and value of a state response (<c>StateEntry{ bytes key = 1; bytes value = 2 }</c>).</summary>
public sealed record StateEntry(byte[] Key, byte[] Value);
