namespace Tongban.Cli.Tests;

public sealed class LicenseImportCommandTests
{
    [Theory]
    [DatabaseLanes]
    public async Task Generated_history_is_the_same_for_the_same_seed_and_imports_its_good_lines_naming_the_bad_ones(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane); // keys, schema and the demo region
        var (one, two) = (Path.Combine(database.DataDirectory, "one.csv"), Path.Combine(database.DataDirectory, "two.csv"));

        var generated = await Cli.RunAsync(database, "generate", "licenses", "--count", "300", "--seed", "5", "--out", one);
        await Cli.RunAsync(database, "generate", "licenses", "--count", "300", "--seed", "5", "--out", two);
        Assert.True(generated.ExitCode == 0, generated.Output);
        Assert.Equal(await File.ReadAllBytesAsync(one), await File.ReadAllBytesAsync(two));

        var (exit, output) = await Cli.RunAsync(database, "import", "licenses", one);

        Assert.True(exit == 0, output);
        var summary = System.Text.RegularExpressions.Regex.Match(output, @"300 lines: imported (\d+), rejected (\d+)");
        Assert.True(summary.Success, output);
        var (imported, rejected) = (int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(300, imported + rejected);
        Assert.InRange(rejected, 5, 60); // a realistic share of bad lines, each named
        Assert.Matches(@"line \d+, \w+: ", output);
        var rows = await RawSql.RowsAsync(database, "SELECT COUNT(*) FROM lic_licenses WHERE source = 3 AND source_key LIKE 'import:%'");
        Assert.True(Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture) >= imported);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_file_without_the_required_columns_is_refused_naming_them_and_nothing_is_written(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane); // keys, schema and the demo region
        var file = Path.Combine(database.DataDirectory, "bad.csv");
        await File.WriteAllTextAsync(file, "type_code,number\nX,1\n");
        var before = await RawSql.RowsAsync(database, "SELECT COUNT(*) FROM lic_licenses");

        var (exit, output) = await Cli.RunAsync(database, "import", "licenses", file);

        Assert.NotEqual(0, exit);
        Assert.Contains("holder_code", output, StringComparison.Ordinal);
        Assert.Equal(before[0][0]?.ToString(), (await RawSql.RowsAsync(database, "SELECT COUNT(*) FROM lic_licenses"))[0][0]?.ToString());
    }
}
