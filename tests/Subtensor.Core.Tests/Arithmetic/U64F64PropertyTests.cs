namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class U64F64PropertyTests : FixedPointPropertyTests<U64F64>;
