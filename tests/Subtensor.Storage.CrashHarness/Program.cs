namespace Subtensor.Storage.CrashHarness;

internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "write" when args.Length >= 3:
                return CrashWriter.Run(args);
            case "bench":
                return StorageBench.Run(args);
            default:
                Console.Error.WriteLine("usage: write <db-path> <seed> [changes-per-block] | bench [keys] [changes] [blocks] [reads]");
                return 2;
        }
    }
}
