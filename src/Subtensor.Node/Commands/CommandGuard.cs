using Subtensor.Node.Cli;
using Subtensor.Storage;

namespace Subtensor.Node.Commands;

/// <summary>Turns the storage errors a chain command can meet midway (a damaged or pruned database) into one-line CLI errors.</summary>
internal static class CommandGuard
{
    public static int Run(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (StorageException e)
        {
            throw new CliException(ChainCommandContext.OneLine(e.Message));
        }
    }
}
