using System.Threading.Channels;

namespace Tongban.Kernel.Data;

/// <summary>
/// Group commit: callers hand in items and wait until theirs is written; items arriving together are written together,
/// one batch (and so one transaction, one commit) at a time. Whichever caller finds no writer running starts one, which
/// drains the queue in batches of at most <paramref name="maxBatch"/> and stops when it is empty. Under load a batch
/// carries many items, so a commit is paid per batch, not per item. A batch that fails fails every item in it.
/// </summary>
/// <param name="write">Writes one batch. Only one runs at a time, so it may keep a connection and statements between batches.</param>
public sealed class GroupCommit<TItem>(Func<List<TItem>, Task> write, int maxBatch)
{
    private readonly Channel<(TItem Item, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = false });
    private int _writing;

    /// <summary>Waits until the item is written. The caller may stop waiting; the item is written regardless.</summary>
    public Task WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite((item, done));
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
            _ = Task.Run(DrainAsync, CancellationToken.None);
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource Done)>(maxBatch);
        var items = new List<TItem>(maxBatch);
        while (true)
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // An item queued after the last TryRead but before the flag dropped would wait forever: take it over.
                if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                continue;
            }
            items.AddRange(batch.Select(b => b.Item));
            try
            {
                await write(items);
                foreach (var (_, done) in batch) done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.TrySetException(e);
            }
            batch.Clear();
            items.Clear();
        }
    }
}
