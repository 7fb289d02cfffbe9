namespace Subtensor.Core.Tests.Arithmetic;

using Subtensor.Core.Arithmetic;

public sealed class I110F18PropertyTests : FixedPointPropertyTests<I110F18>;
