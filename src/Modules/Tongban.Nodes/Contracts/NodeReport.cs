using System.Reflection;

namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>tongban-node-report/1</c>: what a node tells the centre each time it fetches its configuration — who it is, when it
/// sent this, its software version, the configuration version it holds, and its operational counts per service per day.
/// Signed by the node's key (<see cref="SignedDocument"/>); the centre believes it only when it verifies under the key
/// the directory holds for that node. Counts carry no payload and no subject: a call, its outcome and how long it took.
/// <paramref name="Problems"/>: the codes of what ails the node that the centre cannot see for itself (its health's
/// <c>pushes.failing</c>, <c>log.unstamped</c>; none when well), so the central page shows each node's health.
/// </summary>
public sealed record NodeReport(string Format, string Node, DateTimeOffset SentAt, string SoftwareVersion, long? ConfigurationVersion,
    IReadOnlyList<ServiceCount> Counts, IReadOnlyList<string>? Problems = null)
{
    public const string FormatName = "tongban-node-report/1";

    /// <summary>The answer header that says whether the centre took the report (<c>accepted</c>) or only answered the configuration (<c>ignored</c>).</summary>
    public const string ResultHeader = "X-Tongban-Report";

    /// <summary>This build's version as a report carries it: the informational version, its commit cut to seven characters.</summary>
    public static string CurrentSoftwareVersion { get; } = Short(typeof(NodeReport).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private static string Short(string version) => version.Split('+') is [var release, var commit] ? $"{release}+{commit[..Math.Min(7, commit.Length)]}" : version;
}

/// <summary>
/// Calls of one service on one day at one side of a node (<c>consumer</c>: the node's own systems calling out;
/// <c>provider</c>: other nodes calling in; <c>push-out</c>: attempts to deliver the member's pushes; <c>push-in</c>:
/// pushes other nodes delivered here), with one outcome (<c>ok</c> or a reason code such as <c>node.no_right</c>):
/// how many, and their total and longest duration in milliseconds. Totals so far, so a report sent twice counts once.
/// </summary>
public sealed record ServiceCount(DateOnly Day, string Side, string Service, string Outcome, long Calls, long TotalMilliseconds, long MaxMilliseconds)
{
    public const string Consumer = "consumer";
    public const string Provider = "provider";
    public const string PushOut = "push-out";
    public const string PushIn = "push-in";

    public static bool IsSide(string side) => side is Consumer or Provider or PushOut or PushIn;
}
