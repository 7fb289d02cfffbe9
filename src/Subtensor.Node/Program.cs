namespace Subtensor.Node;

internal static class Program
{
    public static int Main(string[] args) => NodeCli.Run(args);
}
