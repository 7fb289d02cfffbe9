namespace Subtensor.Rpc.Server;

/// <summary>Origin checks as Substrate's <c>--rpc-cors</c> does them: exact origins, or a <c>:*</c> port wildcard.</summary>
internal sealed class CorsPolicy
{
    private readonly bool _all;
    private readonly IReadOnlyList<string> _origins;

    public CorsPolicy(RpcServerOptions options)
    {
        _all = options.CorsAll;
        _origins = options.CorsOrigins ?? RpcServerOptions.DefaultCorsOrigins;
    }

    /// <summary>True when a request with this Origin header (or none) may be served.</summary>
    public bool Allows(string? origin)
    {
        if (_all || string.IsNullOrEmpty(origin))
        {
            return true;
        }

        foreach (var allowed in _origins)
        {
            if (allowed.EndsWith(":*", StringComparison.Ordinal))
            {
                var stem = allowed[..^2];
                if (origin.Equals(stem, StringComparison.OrdinalIgnoreCase) ||
                    (origin.StartsWith(stem + ":", StringComparison.OrdinalIgnoreCase) && origin[(stem.Length + 1)..].All(char.IsAsciiDigit)))
                {
                    return true;
                }
            }
            else if (origin.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
