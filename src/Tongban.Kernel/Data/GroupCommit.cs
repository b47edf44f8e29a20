using System.Threading.Channels;

namespace Tongban.Kernel.Data;

/// <summary>
/// Group commit: callers hand in items and wait until theirs is written; items arriving together are written together,
/// one batch (and so one transaction, one commit) at a time. Whichever caller finds no writer running starts the drain,
/// which takes the queue in batches of at most <c>maxBatch</c> and stops when it is empty. Under load a batch carries
/// many items, so a commit is paid per batch, not per item. Items are written in the order they were handed in (one
/// queue, one drain at a time), so a caller may hand in two and wait for both.
/// <para>
/// The writer (a held connection with its prepared statements, say) is opened at the first batch and kept between
/// batches, which are never written two at a time. A batch that fails fails every item in it and closes the writer, so a
/// broken connection is not reused; the next batch opens another.
/// </para>
/// </summary>
public sealed class GroupCommit<TItem, TWriter>(Func<Task<TWriter>> open, Func<TWriter, List<TItem>, Task> write, int maxBatch) : IAsyncDisposable
    where TWriter : class, IAsyncDisposable
{
    private readonly Channel<(TItem Item, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = false });
    private int _writing;
    private TWriter? _writer;

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
                await WriteBatchAsync(items);
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

    private async Task WriteBatchAsync(List<TItem> items)
    {
        _writer ??= await open();
        try
        {
            await write(_writer, items);
        }
        catch
        {
            await _writer.DisposeAsync();
            _writer = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is { } writer) await writer.DisposeAsync();
    }
}
