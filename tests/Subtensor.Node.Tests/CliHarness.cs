namespace Subtensor.Node.Tests;

/// <summary>Runs the node CLI in-process with captured stdout/stderr (tests using it share one collection).</summary>
internal static class CliHarness
{
    private static readonly object Gate = new();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithInput("", args);

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> as the console input.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        lock (Gate)
        {
            var oldOut = Console.Out;
            var oldErr = Console.Error;
            var oldIn = Console.In;
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                Console.SetIn(new StringReader(stdin));
                var code = NodeCli.Run(args);
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                Console.SetIn(oldIn);
            }
        }
    }
}
