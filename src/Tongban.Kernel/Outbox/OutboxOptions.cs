namespace Tongban.Kernel.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the background dispatcher in this instance. Every instance may run it.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message is reserved for one dispatcher before another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
}
