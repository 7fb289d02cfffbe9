namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>sp_runtime <c>DispatchError</c> variants, numbered as encoded.</summary>
public enum DispatchErrorKind : byte
{
    Other = 0,
    CannotLookup = 1,
    BadOrigin = 2,
    Module = 3,
    ConsumerRemaining = 4,
    NoProviders = 5,
    TooManyConsumers = 6,
    Token = 7,
    Arithmetic = 8,
    Transactional = 9,
    Exhausted = 10,
    Corruption = 11,
    Unavailable = 12,
    RootNotAllowed = 13,
    Trie = 14,
}
