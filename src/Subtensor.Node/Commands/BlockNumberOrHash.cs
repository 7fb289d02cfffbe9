using System.Globalization;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Commands;

/// <summary>
/// A block named on the command line as Substrate's <c>BlockNumberOrHash</c> does: a decimal number (a block of the
/// best chain) or a 0x-prefixed 32-byte hash.
/// </summary>
internal readonly record struct BlockNumberOrHash(uint? Number, Hash256? Hash)
{
    public static BlockNumberOrHash Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            if (text.Length != 66 || !Hex.TryParse(text, out var bytes))
            {
                throw new CliException($"invalid block hash '{text}': expected 0x and 64 hex digits");
            }

            return new BlockNumberOrHash(null, new Hash256(bytes));
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new CliException($"invalid block '{text}': expected a block number or a 0x-prefixed block hash");
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new BlockNumberOrHash(number, null)
            : throw new CliException($"invalid block number '{text}': above the largest block number {uint.MaxValue}");
    }

    /// <summary>The stored block this names; a one-line error when the database does not have it.</summary>
    public BlockRef Resolve(ChainClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (Hash is { } hash)
        {
            var header = client.Database.GetHeaderInfo(hash) ?? throw new CliException($"block {hash} is not in the database");
            return new BlockRef(hash, header.Number);
        }

        var number = Number!.Value;
        return client.GetCanonicalHash(number) is { } canonical
            ? new BlockRef(canonical, number)
            : throw new CliException($"there is no block #{number} on the best chain (best is #{client.Best.Number})");
    }

    public override string ToString() => Hash?.ToString() ?? "#" + Number;
}
