namespace Subtensor.ChainSpec;

/// <summary><c>sc_chain_spec::ChainType</c>; a custom type carries its name in <see cref="ChainSpec.CustomChainType"/>.</summary>
public enum ChainType
{
    Development,
    Local,
    Live,
    Custom,
}
