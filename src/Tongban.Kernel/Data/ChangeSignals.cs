using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Tongban.Kernel.Data;

/// <summary>What an instance keeps in memory and must drop when it changes: the topics of <see cref="ChangeSignals"/>.</summary>
public static class ChangeTopics
{
    /// <summary>The public pages in the output cache (catalog, halls, stations, divisions, departments).</summary>
    public const string PublicPages = "public-pages";

    /// <summary>The working-day calendar.</summary>
    public const string Calendar = "calendar";

    /// <summary>The catalog's search index.</summary>
    public const string Catalog = "catalog";

    /// <summary>The sharing module's picture of published resources and grants.</summary>
    public const string Sharing = "sharing";

    /// <summary>A hall's queue (its calling screens wait for it); the subject is the hall's id.</summary>
    public const string HallQueue = "hall-queue";
}

/// <summary>Drops what this instance keeps in memory of one topic (registered as a singleton; several per topic may be).</summary>
public interface IChangeListener
{
    string Topic { get; }

    /// <summary>The topic changed, for <paramref name="subject"/> when the announcement named one; for everything when it is null.</summary>
    Task ChangedAsync(string? subject, CancellationToken cancellationToken);
}

/// <summary>
/// Tells every instance that something it keeps in memory changed, so that a change made through one instance is seen
/// through all of them at once, not only after each cache's refresh interval. <see cref="AnnounceAsync"/>, called after
/// the change committed, runs this instance's listeners first (a writer reads its own change) and then, on PostgreSQL,
/// sends <c>NOTIFY tongban_changes</c> with the topic; every instance <c>LISTEN</c>s on that channel
/// (<see cref="ChangeSignalListener"/>) and runs its own listeners. On SQLite there is one instance and the first step is
/// all. A notice that does not arrive (the listening connection was down) is made good twice over: the listener drops
/// everything when it connects again, and each cache still refreshes on its own interval.
/// </summary>
public sealed class ChangeSignals(IEnumerable<IChangeListener> listeners, IOptions<DatabaseOptions> database, IServiceProvider services, ILogger<ChangeSignals> logger)
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string Channel = "tongban_changes";

    private readonly IChangeListener[] _listeners = [.. listeners];

    /// <summary>The topic changed, all of it or (<paramref name="subject"/>, no colon in the topic) one thing of it.</summary>
    public Task AnnounceAsync(string topic, CancellationToken cancellationToken) => AnnounceAsync(topic, null, cancellationToken);

    public async Task AnnounceAsync(string topic, string? subject, CancellationToken cancellationToken)
    {
        await RunAsync(topic, subject, cancellationToken);
        if (database.Value.Provider != DatabaseProvider.Postgres) return;
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStrings.Postgres(services));
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @topic)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("topic", subject is null ? topic : $"{topic}:{subject}");
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The change itself committed; the other instances catch up at their caches' refresh intervals.
            logger.LogWarning(ex, "Telling the other instances about a change of {Topic} failed", topic);
        }
    }

    /// <summary>This instance's listeners of <paramref name="topic"/> (every listener, of everything, when it is null).</summary>
    internal async Task RunAsync(string? topic, string? subject, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
            if (topic is null || listener.Topic == topic) await listener.ChangedAsync(subject, cancellationToken);
    }

    /// <summary>A notice's payload as sent: <c>topic</c> or <c>topic:subject</c>.</summary>
    internal Task RunAsync(string payload, CancellationToken cancellationToken) => payload.Split(':', 2) is [var topic, var subject]
        ? RunAsync(topic, subject, cancellationToken)
        : RunAsync(payload, null, cancellationToken);
}

/// <summary>Registration of what a module keeps in memory as a listener of a topic.</summary>
public static class ChangeListenerRegistration
{
    /// <summary>
    /// On a change of <paramref name="topic"/>, <paramref name="changed"/> runs with the registered
    /// <typeparamref name="TService"/> (a singleton that keeps something in memory) and the change's subject, if any.
    /// </summary>
    public static IServiceCollection AddChangeListener<TService>(this IServiceCollection services, string topic,
        Func<TService, string?, CancellationToken, Task> changed) where TService : notnull =>
        services.AddSingleton<IChangeListener>(sp => new DelegateListener(topic, (subject, ct) => changed(sp.GetRequiredService<TService>(), subject, ct)));

    /// <summary>As the other overload, for a listener that only drops something (no waiting).</summary>
    public static IServiceCollection AddChangeListener<TService>(this IServiceCollection services, string topic, Action<TService, string?> changed)
        where TService : notnull =>
        services.AddChangeListener<TService>(topic, (service, subject, _) =>
        {
            changed(service, subject);
            return Task.CompletedTask;
        });

    private sealed class DelegateListener(string topic, Func<string?, CancellationToken, Task> changed) : IChangeListener
    {
        public string Topic => topic;

        public Task ChangedAsync(string? subject, CancellationToken cancellationToken) => changed(subject, cancellationToken);
    }
}

/// <summary>
/// On PostgreSQL: one connection that <c>LISTEN</c>s on <see cref="ChangeSignals.Channel"/> and runs this instance's
/// listeners for each notice. A lost connection is opened again after a pause, and then every listener runs, since
/// notices sent while it was down are gone.
/// </summary>
internal sealed class ChangeSignalListener(ChangeSignals signals, IServiceProvider services, ILogger<ChangeSignalListener> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5), Idle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionStrings.Postgres(services));
                await connection.OpenAsync(stoppingToken);
                var topics = new List<string>();
                connection.Notification += (_, e) => topics.Add(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignals.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (!first) await signals.RunAsync(null, null, stoppingToken);
                first = false;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Idle, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection); // a silent connection is found out
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                    foreach (var payload in topics.Distinct().ToList()) await signals.RunAsync(payload, stoppingToken);
                    topics.Clear();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                first = false;
                logger.LogWarning(ex, "Listening for other instances' changes failed; listening again in {Pause}", Pause);
                try
                {
                    await Task.Delay(Pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
