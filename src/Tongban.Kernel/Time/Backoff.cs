namespace Tongban.Kernel.Time;

/// <summary>
/// Exponential back-off, the one rule for everything that tries again (the outbox, a node's pushes, the province
/// pushes): <paramref name="first"/> after the first failure, doubled after each further one, never more than <paramref name="max"/>.
/// </summary>
public static class Backoff
{
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)), max.Ticks));
}
