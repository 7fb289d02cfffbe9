namespace Subtensor.Core.Scale;

/// <summary>Decodes one value of <typeparamref name="T"/> from the reader, advancing it.</summary>
public delegate T ScaleReadFunc<out T>(ref ScaleReader reader);
