using Subtensor.Core.Types;
using Subtensor.Runtime.Metadata;

namespace Subtensor.Runtime.Harness;

/// <summary>Command dispatcher of the harness. Output goes to stdout; errors to stderr with exit code 1.</summary>
internal static class HarnessMain
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: harness <command> [args]; commands: dump-metadata <hex-file> [--types]");
            return 2;
        }

        try
        {
            switch (args[0])
            {
                case "dump-metadata":
                {
                    var text = File.ReadAllText(args[1]).Trim();
                    var bytes = Hex.Parse(text);
                    // A Metadata_metadata_at_version result is Option<OpaqueMetadata>: 0x01 ++ compact length ++ bytes.
                    if (bytes.Length > 0 && bytes[0] == 1 && bytes.AsSpan().IndexOf("meta"u8) is > 0 and < 8)
                    {
                        bytes = bytes[bytes.AsSpan().IndexOf("meta"u8)..];
                    }

                    Console.Write(MetadataPrinter.Print(RuntimeMetadata.Decode(bytes), args.Contains("--types")));
                    return 0;
                }

                case "our-metadata":
                {
                    var rt = new SubtensorRuntime();
                    var v = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 14;
                    var bytes = v == 15 ? rt.MetadataV15 : rt.MetadataV14;
                    if (args.Contains("--hex"))
                    {
                        Console.WriteLine(Hex.ToHex(bytes));
                    }
                    else
                    {
                        Console.Write(MetadataPrinter.Print(RuntimeMetadata.Decode(bytes), args.Contains("--types")));
                    }

                    return 0;
                }

                default:
                    Console.Error.WriteLine($"unknown command {args[0]}");
                    return 2;
            }
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
