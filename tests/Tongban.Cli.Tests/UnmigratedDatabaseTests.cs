namespace Tongban.Cli.Tests;

public sealed class UnmigratedDatabaseTests
{
    [Theory]
    [DatabaseLanes]
    public async Task A_command_on_a_database_not_yet_migrated_says_to_migrate_first_instead_of_a_stack_trace(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        // A new data directory: no schema (and no key file, which is made by `keys rotate-personal-data` after migrating)

        var (exit, output) = await Cli.RunAsync(database, "licenses", "list");

        Assert.True(exit == 2, output);
        Assert.Contains("数据库尚未迁移到当前版本", output, StringComparison.Ordinal);
        Assert.Contains("run `tongban db migrate` first", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
    }
}
