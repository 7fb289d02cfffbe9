namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class I96F32PropertyTests : FixedPointPropertyTests<I96F32>;
