using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NetwerkLive.LoadTests.Cli;

/// <summary>The options every scenario takes; a scenario ignores the sizes it has no use for.</summary>
internal sealed class LoadTestSettings : CommandSettings
{
    [CommandOption("--server <URLS>")]
    [Description("Drive running NetwerkLive node(s) (comma-separated URLs) instead of starting them.")]
    public string? Server { get; init; }

    [CommandOption("--redis <ENDPOINT>")]
    [Description("host:port of a Redis for the nodes the tool starts, or 'auto' to start redis-server from PATH on a free port.")]
    public string? Redis { get; init; }

    [CommandOption("--nodes <N>")]
    [Description("Nodes to start (needs --redis when more than 1). multi-node: the nodes of its scaled-out run (2).")]
    public int? Nodes { get; init; }

    [CommandOption("--protocol <PROTOCOL>")]
    [Description("messagepack (default) or json.")]
    [DefaultValue("messagepack")]
    public string Protocol { get; init; } = "messagepack";

    [CommandOption("--no-baseline")]
    [Description("Skip the run against the plain SignalR baseline hub (on by default).")]
    public bool NoBaseline { get; init; }

    [CommandOption("--smoke")]
    [Description("Tiny sizes and a few seconds: proves the tool works, measures nothing.")]
    public bool Smoke { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Where result.json and the charts go (default artifacts/loadtests/<scenario>-<timestamp>).")]
    public string? Out { get; init; }

    [CommandOption("-n|--attendees <N>")]
    public int? Attendees { get; init; }

    [CommandOption("--senders <M>")]
    [Description("chat-fanout, multi-node: attendees who send.")]
    public int? Senders { get; init; }

    [CommandOption("--rate <PER_SECOND>")]
    [Description("chat-fanout, multi-node: messages per second in total; coffee-queue: arrivals per second.")]
    public double? Rate { get; init; }

    [CommandOption("--duration <SECONDS>")]
    [Description("chat-fanout, multi-node: how long the senders send.")]
    public int? Duration { get; init; }

    [CommandOption("--concurrency <N>")]
    [Description("Connects and joins in flight at once.")]
    public int? Concurrency { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("The longest any single wait may take (start-up, joins, deliveries).")]
    public int? Timeout { get; init; }

    [CommandOption("--max-minutes <MINUTES>")]
    [Description("The whole run stops after this, whatever it is doing.")]
    [DefaultValue(30)]
    public int MaxMinutes { get; init; } = 30;

    public IReadOnlyList<Uri> ServerUrls =>
        Server is null ? [] : [.. Server.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u))];

    public override ValidationResult Validate()
    {
        if (Protocol is not ("messagepack" or "json"))
        {
            return ValidationResult.Error("--protocol must be messagepack or json.");
        }
        if (ServerUrls.Any(u => !u.IsLoopback))
        {
            return ValidationResult.Error("--server must be loopback (127.0.0.1 or localhost): the tool is for this machine only.");
        }
        if (Nodes is < 1 or > 8)
        {
            return ValidationResult.Error("--nodes must be between 1 and 8.");
        }
        if (Attendees is < 2 || Senders is < 1 || Rate is <= 0 || Duration is < 1 || Concurrency is < 1 || Timeout is < 1 || MaxMinutes < 1)
        {
            return ValidationResult.Error("Sizes must be positive (and --attendees at least 2).");
        }
        return ValidationResult.Success();
    }
}
