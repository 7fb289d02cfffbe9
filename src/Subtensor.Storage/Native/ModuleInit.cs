using System.Runtime.CompilerServices;
using Subtensor.Core.Native;

namespace Subtensor.Storage.Native;

internal static class ModuleInit
{
#pragma warning disable CA2255 // the resolver must be in place before the first LibraryImport of this assembly runs
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => NativeLibraryResolver.Register(typeof(ModuleInit).Assembly);
}
