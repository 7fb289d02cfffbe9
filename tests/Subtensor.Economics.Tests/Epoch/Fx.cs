using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// Test literals as Subtensor's tests write them: <c>I32F32::from_num(f32)</c> / <c>from_num(f64)</c>. The float is only
/// reinterpreted as its IEEE bits (no float arithmetic); the conversion itself is integer-only.
/// </summary>
internal static class Fx
{
    public static I32F32 F(float value) => I32F32.SaturatingFromF32Bits(BitConverter.SingleToUInt32Bits(value));

    public static I32F32 D(double value) => I32F32.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(value));

    public static I32F32[] Vec(params float[] values) => values.Select(F).ToArray();

    /// <summary><c>vec_to_sparse_mat_fixed(values, rows, false)</c>: row-major, only positive entries kept.</summary>
    public static SparseRow[] SparseMat(float[] values, int rows)
    {
        int cols = values.Length / rows;
        return Enumerable.Range(0, rows).Select(r => SparseRow.FromPairs(
            Enumerable.Range(0, cols)
                .Where(c => values[(r * cols) + c] > 0f)
                .Select(c => ((ushort)c, F(values[(r * cols) + c])))
                .ToList())).ToArray();
    }

    /// <summary><c>vec_to_mat_fixed(values, rows, false)</c>: row-major dense.</summary>
    public static I32F32[][] DenseMat(float[] values, int rows)
    {
        int cols = values.Length / rows;
        return Enumerable.Range(0, rows).Select(r => values.Skip(r * cols).Take(cols).Select(F).ToArray()).ToArray();
    }
}
