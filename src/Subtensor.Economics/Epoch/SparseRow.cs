using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// One row of a sparse epoch matrix, Subtensor's <c>Vec&lt;(u16, I32F32)&gt;</c>, as parallel column and value arrays
/// (entries in storage order). Rows are immutable: operations build new rows and share column arrays when the
/// sparsity pattern is unchanged.
/// </summary>
public readonly struct SparseRow
{
    private readonly ushort[]? _columns;
    private readonly I32F32[]? _values;

    public SparseRow(ushort[] columns, I32F32[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Length != values.Length)
        {
            throw new ArgumentException("columns and values differ in length", nameof(values));
        }

        _columns = columns;
        _values = values;
    }

    public static SparseRow Empty => default;

    public ushort[] Columns => _columns ?? [];

    public I32F32[] Values => _values ?? [];

    public int Count => _columns?.Length ?? 0;

    /// <summary>A row from (column, value) pairs.</summary>
    public static SparseRow FromPairs(IReadOnlyList<(ushort Column, I32F32 Value)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var columns = new ushort[pairs.Count];
        var values = new I32F32[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            (columns[i], values[i]) = pairs[i];
        }

        return new SparseRow(columns, values);
    }

    /// <summary>The same pattern with new values (same length).</summary>
    public SparseRow WithValues(I32F32[] values) => new(Columns, values);

    public IEnumerable<(ushort Column, I32F32 Value)> Pairs()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return (Columns[i], Values[i]);
        }
    }
}
