using Tongban.Kernel.Data;

namespace Tongban.Kernel.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_arriving_while_a_batch_is_written_go_together_in_the_next_and_every_caller_waits_for_its_own()
    {
        var batches = new List<int[]>();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var commits = new GroupCommit<int>(async batch =>
        {
            lock (batches) batches.Add([.. batch]);
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
        Assert.Equal([[0], [1, 2, 3], [4, 5]], batches);
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_callers_and_the_next_batch_is_written()
    {
        var fail = true;
        var written = new List<string>();
        var commits = new GroupCommit<string>(batch =>
        {
            if (fail)
            {
                fail = false;
                throw new InvalidOperationException("the database refused the batch");
            }
            written.AddRange(batch);
            return Task.CompletedTask;
        }, maxBatch: 10);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commits.WriteAsync("a", CancellationToken.None));
        Assert.Equal("the database refused the batch", refused.Message);
        await commits.WriteAsync("b", CancellationToken.None);
        Assert.Equal(["b"], written);
    }
}
