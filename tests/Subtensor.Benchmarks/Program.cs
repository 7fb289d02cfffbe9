using System.Globalization;
using BenchmarkDotNet.Running;

namespace Subtensor.Benchmarks;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "node-sync")
        {
            var blocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
            var transfers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
            var rounds = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var r) ? r : 3;
            var build = System.Diagnostics.Stopwatch.StartNew();
            await using var scenario = await NodeSyncScenario.CreateAsync(blocks, transfers);
            Console.WriteLine($"built {blocks} blocks of {transfers} transfers in {build.Elapsed.TotalSeconds:0.0} s");
            if (args.Contains("--profile"))
            {
                for (var i = 0; i < rounds; i++)
                {
                    Console.WriteLine("import profile: " + scenario.ProfileImport());
                }

                return;
            }

            for (var i = 0; i < rounds; i++)
            {
                var elapsed = await scenario.SyncOnceAsync();
                Console.WriteLine($"sync {i + 1}: {blocks} blocks in {elapsed.TotalSeconds:0.00} s = {blocks / elapsed.TotalSeconds:0} blocks/s");
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
