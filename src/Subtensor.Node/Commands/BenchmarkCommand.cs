using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Hashing;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node benchmark crypto</c>: single-threaded throughput of the hot crypto paths, like Substrate's
/// <c>benchmark machine</c>. Prints a table, or JSON with --json (used by tests/conformance/bench-crypto).
/// </summary>
internal static class BenchmarkCommand
{
    public static Command Build()
    {
        var benchmark = new Command("benchmark", "Measure the node's hot paths on this machine");
        var seconds = new Option<double>("--seconds") { Description = "time per measurement", DefaultValueFactory = _ => 1.0 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var crypto = new Command("crypto", "sr25519/ed25519 sign and verify, Blake2b, TwoX, Keccak throughput (one core)") { seconds, json };
        crypto.SetAction(p =>
        {
            var results = RunCrypto(TimeSpan.FromSeconds(p.GetValue(seconds)));
            if (p.GetValue(json))
            {
                var obj = new JsonObject();
                foreach (var (name, value, unit) in results)
                {
                    obj[name] = new JsonObject { ["value"] = value, ["unit"] = unit };
                }

                Console.Out.WriteLine(obj.ToJsonString());
            }
            else
            {
                foreach (var (name, value, unit) in results)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {value,14:N0} {unit}"));
                }
            }

            return 0;
        });
        benchmark.Subcommands.Add(crypto);
        return benchmark;
    }

    internal static List<(string Name, double Value, string Unit)> RunCrypto(TimeSpan budget)
    {
        var results = new List<(string, double, string)>();
        var message = new byte[32];
        Random.Shared.NextBytes(message);

        using (var sr = KeyPairs.FromSuri("//Alice", KeyScheme.Sr25519))
        {
            var sig = sr.Pair.Sign(message);
            var pk = sr.Pair.PublicKey;
            results.Add(("sr25519_sign", Rate(budget, () => sr.Pair.Sign(message)), "ops/s"));
            results.Add(("sr25519_verify", Rate(budget, () => KeyPairs.Verify(KeyScheme.Sr25519, sig, message, pk)), "ops/s"));
        }

        using (var ed = KeyPairs.FromSuri("//Alice", KeyScheme.Ed25519))
        {
            var sig = ed.Pair.Sign(message);
            var pk = ed.Pair.PublicKey;
            results.Add(("ed25519_sign", Rate(budget, () => ed.Pair.Sign(message)), "ops/s"));
            results.Add(("ed25519_verify", Rate(budget, () => KeyPairs.Verify(KeyScheme.Ed25519, sig, message, pk)), "ops/s"));
        }

        var output = new byte[32];
        foreach (var size in new[] { 32, 1024, 1 << 20 })
        {
            var data = new byte[size];
            Random.Shared.NextBytes(data);
            var ops = Rate(budget, () => Blake2b.Hash(data, output));
            results.Add(($"blake2b_256_{SizeName(size)}", ops * size / 1e6, "MB/s"));
        }

        var small = new byte[32];
        var out16 = new byte[16];
        results.Add(("twox128_32B", Rate(budget, () => Twox.Hash(small, out16)), "ops/s"));
        var kb = new byte[1024];
        results.Add(("keccak256_1KiB", Rate(budget, () => Keccak256.Hash(kb, output)) * 1024 / 1e6, "MB/s"));
        return results;
    }

    private static string SizeName(int size) => size switch
    {
        < 1024 => $"{size}B",
        < 1 << 20 => $"{size / 1024}KiB",
        _ => $"{size >> 20}MiB",
    };

    /// <summary>Operations per second of <paramref name="op"/> after a short warm-up.</summary>
    private static double Rate(TimeSpan budget, Action op)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < budget / 5)
        {
            op();
        }

        long count = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < budget)
        {
            for (var i = 0; i < 16; i++)
            {
                op();
            }

            count += 16;
        }

        return count / sw.Elapsed.TotalSeconds;
    }
}
