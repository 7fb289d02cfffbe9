using System.CommandLine;

namespace Subtensor.Node.Cli;

internal static class OptionExtensions
{
    /// <summary>Restricts a string option to a set of values, returning it for initializer chains.</summary>
    public static Option<string> FromAmong(this Option<string> option, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
