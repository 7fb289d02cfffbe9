using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>
/// A native object that must be destroyed before the objects it was made from (its parents): it takes a reference
/// on each parent when created and gives them back only after its own destroy function has run.
/// </summary>
internal abstract class DependentSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly SafeHandle[] _parents;

    protected DependentSafeHandle(nint native, params SafeHandle[] parents)
        : base(ownsHandle: true)
    {
        _parents = parents;
        var added = 0;
        try
        {
            foreach (var parent in parents)
            {
                var success = false;
                parent.DangerousAddRef(ref success);
                added++;
            }
        }
        catch
        {
            for (var i = 0; i < added; i++)
            {
                parents[i].DangerousRelease();
            }

            throw;
        }

        SetHandle(native);
    }

    protected SafeHandle Parent(int index) => _parents[index];

    protected abstract void Destroy(nint native);

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        foreach (var parent in _parents)
        {
            parent.DangerousRelease();
        }

        return true;
    }
}
