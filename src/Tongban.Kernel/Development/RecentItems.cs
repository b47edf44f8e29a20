namespace Tongban.Kernel.Development;

/// <summary>The last <paramref name="capacity"/> items, newest first, safe across threads: what a development sender keeps for its page.</summary>
public sealed class RecentItems<T>(int capacity = 200)
{
    private readonly LinkedList<T> _items = [];
    private readonly Lock _gate = new();

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.AddFirst(item);
            while (_items.Count > capacity) _items.RemoveLast();
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate) return [.. _items];
    }
}
