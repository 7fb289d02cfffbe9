namespace Subtensor.Trie.Tests;

/// <summary>
/// Reads the W3F state-trie fixtures: a YAML document with two block sequences, <c>keys:</c> and <c>values:</c>, of
/// plain scalars. Only that shape is accepted; scalars are read as strings with surrounding blanks removed.
/// </summary>
internal static class StateTrieFixture
{
    public static (List<string> Keys, List<string> Values) Read(string path)
    {
        var keys = new List<string>();
        var values = new List<string>();
        List<string>? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line == "keys:")
            {
                current = keys;
            }
            else if (line == "values:")
            {
                current = values;
            }
            else if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal) && current is not null)
            {
                var scalar = line.TrimStart()[2..].Trim();
                if (scalar.Length > 0 && (scalar[0] is '"' or '\'' or '[' or '{' or '&' or '*' or '!' or '|' or '>' || scalar.Contains(" #", StringComparison.Ordinal)))
                {
                    throw new FormatException($"{path}:{lineNumber}: YAML construct not supported by this reader");
                }

                current.Add(scalar);
            }
            else
            {
                throw new FormatException($"{path}:{lineNumber}: unexpected line '{line}'");
            }
        }

        if (keys.Count != values.Count)
        {
            throw new FormatException($"{path}: {keys.Count} keys but {values.Count} values");
        }

        return (keys, values);
    }
}
