namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class I64F64PropertyTests : FixedPointPropertyTests<I64F64>;
