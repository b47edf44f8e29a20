namespace Tongban.Kernel.Web;

/// <summary>
/// Cases accepted over a period, summed by the level of the case's division (<c>city</c>, <c>county</c>,
/// <c>township</c>, <c>village</c>, <c>province</c>, or <c>other</c> for a division of no known level) and by the channel
/// it came through (<c>online</c>, <c>window</c>, <c>station</c>, or another the statistics know): what the service
/// network's pages (the halls module) show of each level, without knowing the statistics module, which implements it
/// from its daily roll-ups. Register with <c>services.AddScoped&lt;INetworkFigures, …&gt;()</c>.
/// </summary>
public interface INetworkFigures
{
    Task<IReadOnlyList<NetworkFigure>> AcceptedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>Cases accepted of one level of division through one channel.</summary>
public sealed record NetworkFigure(string Level, string Channel, long Accepted);
