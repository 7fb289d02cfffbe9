namespace Subtensor.Core.Scale;

/// <summary>Encodes one value of <typeparamref name="T"/> into the writer.</summary>
public delegate void ScaleWriteAction<in T>(ScaleWriter writer, T value);
