namespace Subtensor.ChainSpec;

/// <summary>A telemetry endpoint: URL and verbosity (JSON <c>[url, verbosity]</c>).</summary>
public sealed record TelemetryEndpoint(string Url, byte Verbosity);
