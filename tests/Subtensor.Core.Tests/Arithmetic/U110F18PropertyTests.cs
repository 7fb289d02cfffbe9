namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class U110F18PropertyTests : FixedPointPropertyTests<U110F18>;
