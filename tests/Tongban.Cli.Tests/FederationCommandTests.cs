namespace Tongban.Cli.Tests;

public sealed class FederationCommandTests
{
    [Theory, DatabaseLanes]
    public async Task Reconciling_on_an_instance_that_is_not_a_city_fails_with_a_clear_message_and_a_malformed_day_is_named(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);

        var (exit, output) = await Cli.RunAsync(database, "federation", "reconcile", "--day", "2026-12-01");
        Assert.NotEqual(0, exit);
        Assert.Contains("not configured as a city", output, StringComparison.Ordinal);

        (exit, output) = await Cli.RunAsync(database, "federation", "reconcile", "--day", "1 December");
        Assert.NotEqual(0, exit);
        Assert.Contains("--day must be a date", output, StringComparison.Ordinal);
    }
}
