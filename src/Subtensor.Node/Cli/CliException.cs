namespace Subtensor.Node.Cli;

/// <summary>A command failed for a reason the user can fix; printed as one line, exit code <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException() : this("command failed") { }

    public CliException(string message, Exception innerException) : base(message, innerException) { ExitCode = 1; }

    public int ExitCode { get; }
}
