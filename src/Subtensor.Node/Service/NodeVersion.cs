using System.Reflection;

namespace Subtensor.Node.Service;

/// <summary>The implementation name and version reported by <c>system_name</c>/<c>system_version</c> and the startup banner.</summary>
internal static class NodeVersion
{
    public const string Name = "Subtensor.NET";

    public static string Version { get; } =
        typeof(NodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";
}
