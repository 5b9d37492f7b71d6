namespace Erds.ServiceDefaults.Metrics;

public sealed class MetricsOptions
{
    public const string Section = "Erds:Metrics";

    // Where /metrics is served: a listener of its own, never the API's port, on loopback unless an
    // operator opens it (in a container: http://0.0.0.0:9464, reachable by the scraper only). Empty: off.
    public string? Url { get; set; } = "http://127.0.0.1:9464";
}
