namespace Subtensor.Node.Tests.Commands;

/// <summary>A fresh temporary directory for a test (a base path, files), deleted on dispose.</summary>
internal sealed class TempBasePath : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("node-cmd-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
