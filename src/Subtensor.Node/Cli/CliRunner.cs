using System.CommandLine;

namespace Subtensor.Node.Cli;

/// <summary>
/// Runs a System.CommandLine tree with the node's error conventions: a parse error or a failed command prints
/// one clear line on stderr and exits with code 1 (never a stack trace).
/// </summary>
internal static class CliRunner
{
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var error = stderr ?? Console.Error;
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            error.WriteLine($"Error: {result.Errors[0].Message}");
            return 1;
        }

        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (stdout is not null)
        {
            config.Output = stdout;
        }

        config.Error = error;
        try
        {
            return result.Invoke(config);
        }
        catch (CliException e)
        {
            error.WriteLine($"Error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException)
        {
            error.WriteLine($"Error: {e.Message}");
            return 1;
        }
    }
}
