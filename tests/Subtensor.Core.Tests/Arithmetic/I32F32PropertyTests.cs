namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class I32F32PropertyTests : FixedPointPropertyTests<I32F32>;
