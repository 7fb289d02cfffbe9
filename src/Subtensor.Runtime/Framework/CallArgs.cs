namespace Subtensor.Runtime.Framework;

/// <summary>The decoded arguments of a call, in declaration order.</summary>
public sealed class CallArgs
{
    private readonly CallDef _def;
    private readonly object?[] _values;

    public CallArgs(CallDef def, object?[] values)
    {
        _def = def ?? throw new ArgumentNullException(nameof(def));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        if (values.Length != def.Args.Count)
        {
            throw new ArgumentException($"{def.Name} takes {def.Args.Count} argument(s), got {values.Length}", nameof(values));
        }
    }

    public int Count => _values.Length;

    public object? this[int index] => _values[index];

    public T Get<T>(int index) => (T)_values[index]!;

    public T Get<T>(string name)
    {
        for (var i = 0; i < _def.Args.Count; i++)
        {
            if (_def.Args[i].Name == name)
            {
                return (T)_values[i]!;
            }
        }

        throw new KeyNotFoundException($"{_def.Name} has no argument {name}");
    }

    internal object?[] Values => _values;
}
