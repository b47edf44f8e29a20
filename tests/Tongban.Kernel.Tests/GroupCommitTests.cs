using Tongban.Kernel.Data;

namespace Tongban.Kernel.Tests;

public sealed class GroupCommitTests
{
    /// <summary>A writer that records what it was given; the n-th one opened is number n.</summary>
    private sealed class Writer(int number) : IAsyncDisposable
    {
        public int Number { get; } = number;
        public bool Closed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Closed = true;
            return default;
        }
    }

    [Fact]
    public async Task Items_arriving_while_a_batch_is_written_go_together_in_the_next_on_the_same_writer()
    {
        var batches = new List<string>();
        var opened = 0;
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        await using var commits = new GroupCommit<int, Writer>(() => Task.FromResult(new Writer(++opened)), async (writer, batch) =>
        {
            batches.Add($"writer {writer.Number}: {string.Join(',', batch)}");
            if (batches.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
        }, maxBatch: 3);

        var first = commits.WriteAsync(0, CancellationToken.None);
        await firstStarted.Task;
        var waiting = Enumerable.Range(1, 5).Select(i => commits.WriteAsync(i, CancellationToken.None)).ToArray();
        Assert.False(first.IsCompleted);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        releaseFirst.SetResult();
        await Task.WhenAll([first, .. waiting]);
        Assert.Equal(["writer 1: 0", "writer 1: 1,2,3", "writer 1: 4,5"], batches);
        Assert.Equal(1, opened);
    }

    [Fact]
    public async Task A_failed_batch_fails_its_callers_and_closes_its_writer_and_the_next_batch_opens_another()
    {
        var writers = new List<Writer>();
        var written = new List<(int Writer, string Item)>();
        await using var commits = new GroupCommit<string, Writer>(() =>
        {
            writers.Add(new Writer(writers.Count + 1));
            return Task.FromResult(writers[^1]);
        }, (writer, batch) =>
        {
            if (batch.Contains("refused")) throw new InvalidOperationException("the database refused the batch");
            written.AddRange(batch.Select(item => (writer.Number, item)));
            return Task.CompletedTask;
        }, maxBatch: 10);

        await commits.WriteAsync("a", CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commits.WriteAsync("refused", CancellationToken.None));
        Assert.Equal("the database refused the batch", refused.Message);
        await commits.WriteAsync("b", CancellationToken.None);

        Assert.Equal([(1, "a"), (2, "b")], written);
        Assert.Equal([true, false], writers.Select(w => w.Closed));
    }
}
