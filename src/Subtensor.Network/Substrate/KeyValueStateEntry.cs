namespace Subtensor.Network.Substrate;

/// <summary>
/// Entries of one trie in a state response (<c>KeyValueStateEntry{ bytes state_root = 1; repeated StateEntry entries = 2; bool complete = 3 }</c>);
/// an empty <see cref="StateRoot"/> means the top-level trie.
/// </summary>
public sealed record KeyValueStateEntry(byte[] StateRoot, IReadOnlyList<StateEntry> Entries, bool Complete);
