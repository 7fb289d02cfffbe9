namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class U96F32PropertyTests : FixedPointPropertyTests<U96F32>;
