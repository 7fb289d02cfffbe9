namespace Subtensor.Core.Crypto;

/// <summary>
/// A parsed secret URI (sp-core <c>SecretUri</c> over <c>AddressUri</c>): <c>phrase? (/soft | //hard)* (///password)?</c>.
/// The phrase is ASCII letters, digits and spaces (a BIP39 mnemonic or 0x-hex seed); a missing phrase is the dev phrase.
/// </summary>
public sealed class SecretUri
{
    /// <summary>sp-core <c>DEV_PHRASE</c>.</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    private SecretUri(string phrase, string? password, IReadOnlyList<DeriveJunction> junctions)
    {
        Phrase = phrase;
        Password = password;
        Junctions = junctions;
    }

    public string Phrase { get; }

    /// <summary>The text after <c>///</c> (possibly empty), or null when absent.</summary>
    public string? Password { get; }

    public IReadOnlyList<DeriveJunction> Junctions { get; }

    /// <summary>Parses like sp-core's <c>AddressUri::parse</c>; throws <see cref="SecretUriException"/> (InvalidFormat).</summary>
    public static SecretUri Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var rest = uri.AsSpan();
        var phraseLength = 0;
        while (phraseLength < rest.Length && (char.IsAsciiLetterOrDigit(rest[phraseLength]) || rest[phraseLength] == ' '))
        {
            phraseLength++;
        }

        var phrase = phraseLength > 0 ? rest[..phraseLength].ToString() : DevPhrase;
        rest = rest[phraseLength..];

        string? password = null;
        var junctions = new List<DeriveJunction>();
        while (!rest.IsEmpty)
        {
            if (rest.StartsWith("///"))
            {
                // The password runs to the end of the input, stopping only at a newline.
                rest = rest[3..];
                var end = rest.IndexOf('\n');
                password = (end < 0 ? rest : rest[..end]).ToString();
                rest = end < 0 ? [] : rest[end..];
            }
            else if (rest.StartsWith("//"))
            {
                var segment = TakeSegment(rest[2..]);
                if (segment.IsEmpty)
                {
                    throw Invalid("invalid character in hard path");
                }

                junctions.Add(DeriveJunction.FromPathSegment("/" + segment.ToString()));
                rest = rest[(2 + segment.Length)..];
            }
            else if (rest.StartsWith("/"))
            {
                var segment = TakeSegment(rest[1..]);
                if (segment.IsEmpty)
                {
                    throw Invalid("invalid character in soft path");
                }

                junctions.Add(DeriveJunction.FromPathSegment(segment.ToString()));
                rest = rest[(1 + segment.Length)..];
            }
            else
            {
                throw Invalid(password is null ? "invalid character in phrase" : "invalid character in password");
            }
        }

        return new SecretUri(phrase, password, junctions);
    }

    private static ReadOnlySpan<char> TakeSegment(ReadOnlySpan<char> text)
    {
        var end = text.IndexOf('/');
        return end < 0 ? text : text[..end];
    }

    private static SecretUriException Invalid(string detail) => new(SecretUriErrorKind.InvalidFormat, "invalid secret URI format: " + detail);
}
