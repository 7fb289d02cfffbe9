using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// A sparse matrix in compressed-row form with raw I32F32 values: the working representation of the fast epoch
/// kernels. Row i holds entries <c>RowStart[i] .. RowEnd[i]</c> in storage order; rows may leave gaps in the storage
/// (each row owns a slot sized by an upper bound, so rows can be produced in parallel).
/// </summary>
internal sealed class CsrMatrix
{
    public CsrMatrix(int rows, int[] rowStart, int[] rowEnd, ushort[] columns, long[] values)
    {
        Rows = rows;
        RowStart = rowStart;
        RowEnd = rowEnd;
        Columns = columns;
        Values = values;
    }

    public int Rows { get; }

    public int[] RowStart { get; }

    public int[] RowEnd { get; }

    public ushort[] Columns { get; }

    public long[] Values { get; }

    /// <summary>Row slots sized by <paramref name="capacity"/> per row (RowEnd = RowStart until filled).</summary>
    public static CsrMatrix WithSlots(int rows, Func<int, int> capacity)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var rowStart = new int[rows];
        long total = 0;
        for (int i = 0; i < rows; i++)
        {
            rowStart[i] = (int)total;
            total += capacity(i);
        }

        return new CsrMatrix(rows, rowStart, (int[])rowStart.Clone(), new ushort[total], new long[total]);
    }

    public static CsrMatrix FromSparseRows(ReadOnlySpan<SparseRow> rows)
    {
        var copy = rows.ToArray();
        var m = WithSlots(copy.Length, i => copy[i].Count);
        for (int i = 0; i < copy.Length; i++)
        {
            int at = m.RowStart[i];
            copy[i].Columns.CopyTo(m.Columns, at);
            for (int k = 0; k < copy[i].Count; k++)
            {
                m.Values[at + k] = copy[i].Values[k].Bits;
            }

            m.RowEnd[i] = at + copy[i].Count;
        }

        return m;
    }

    public int RowLength(int i) => RowEnd[i] - RowStart[i];

    public SparseRow[] ToSparseRows()
    {
        var rows = new SparseRow[Rows];
        for (int i = 0; i < Rows; i++)
        {
            int start = RowStart[i], length = RowEnd[i] - start;
            var values = new I32F32[length];
            for (int k = 0; k < length; k++)
            {
                values[k] = I32F32.FromBits(Values[start + k]);
            }

            rows[i] = new SparseRow(Columns.AsSpan(start, length).ToArray(), values);
        }

        return rows;
    }
}
