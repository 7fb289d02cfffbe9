namespace Subtensor.Runtime.Pallets.Balances;

/// <summary>frame_support <c>tokens::Preservation</c>: whether an operation may kill the account.</summary>
public enum Preservation
{
    /// <summary>The account may be reaped.</summary>
    Expendable,

    /// <summary>The account must stay alive if this pallet's provider reference is needed.</summary>
    Protect,

    /// <summary>The account must keep at least the existential deposit.</summary>
    Preserve,
}
