namespace Subtensor.Node.Tests.Commands;

internal static class CommandAssert
{
    /// <summary>Exit code 1 and exactly one "Error: ..." line on stderr containing <paramref name="expected"/>, no stack trace.</summary>
    public static void OneLineError((int ExitCode, string Stdout, string Stderr) run, string expected)
    {
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    public static void Success((int ExitCode, string Stdout, string Stderr) run)
        => Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Stderr}");
}
