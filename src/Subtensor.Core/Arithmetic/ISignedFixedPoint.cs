using System.Numerics;

namespace Subtensor.Core.Arithmetic;

/// <summary>A signed <see cref="IFixedPoint{TSelf}"/> (the transcendental functions need negation).</summary>
public interface ISignedFixedPoint<TSelf> : IFixedPoint<TSelf>, IUnaryNegationOperators<TSelf, TSelf>
    where TSelf : struct, ISignedFixedPoint<TSelf>
{
    /// <summary>Negation; null for the most negative value.</summary>
    TSelf? CheckedNeg();
}
