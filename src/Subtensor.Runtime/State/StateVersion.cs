namespace Subtensor.Runtime.State;

/// <summary>Substrate's state version: V0 keeps every value inline in the trie; V1 hashes values of 33 bytes or more.</summary>
public enum StateVersion : byte
{
    V0 = 0,
    V1 = 1,
}
