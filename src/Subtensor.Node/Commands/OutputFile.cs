using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>
/// An output that is either stdout or a file written all-or-nothing: the data goes to a temporary file next to the
/// target, which replaces the target only on <see cref="Commit"/>; disposing without committing deletes it.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string? _target;
    private readonly string? _partial;
    private bool _committed;

    private OutputFile(Stream stream, string? target, string? partial)
    {
        Stream = stream;
        _target = target;
        _partial = partial;
    }

    public Stream Stream { get; }

    public string Name => _target ?? "stdout";

    /// <summary>Opens <paramref name="path"/> for writing, or stdout when null (bytes for binary, Console.Out for text).</summary>
    public static OutputFile Open(string? path, bool binary)
    {
        if (path is null)
        {
            return new OutputFile(binary ? Console.OpenStandardOutput() : new TextWriterStream(Console.Out), null, null);
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliException($"the output {full} is a directory");
        }

        var partial = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.partial");
        try
        {
            return new OutputFile(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), full, partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {full}: {e.Message}");
        }
    }

    public void Commit()
    {
        Stream.Flush();
        if (_target is null)
        {
            return;
        }

        Stream.Dispose();
        File.Move(_partial!, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_target is null)
        {
            Stream.Flush();
            return;
        }

        Stream.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(_partial!);
            }
            catch (IOException)
            {
            }
        }
    }
}
