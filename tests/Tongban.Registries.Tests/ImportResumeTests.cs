using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Registries.Domain;
using static Tongban.Registries.Tests.ImportFiles;

namespace Tongban.Registries.Tests;

// A registry takes one import at a time: the classes that import share the assembly's apps one after another.
[Collection("registry imports")]
public sealed class ImportResumeTests(LaneApps apps)
{
    /// <summary>45 lines in chunks of 10: good lines, a bad one, and a duplicate of a line from the first chunk in the last.</summary>
    private static (string Content, List<string> Ids) File(DateOnly day)
    {
        var ids = Enumerable.Range(901, 42).Select(n => Id(day, n)).ToList();
        var lines = ids.Select((id, i) => Person(id, "续传" + i, household: "9999" + day.DayNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        lines.Insert(5, Person(BadCheck(ids[0]), "坏行"));
        lines.Add(Person(ids[3], "重复")); // a duplicate of a line the interrupted run committed
        lines.Add(Person(ids[4], "重复"));
        return (Csv(PersonHeader, [.. lines]), ids);
    }

    /// <summary>
    /// The records as their content, without the content hash: it covers the ID number's blind index, which is keyed per
    /// installation, so two databases hash the same person differently (a re-import into the same one checks the hash).
    /// </summary>
    private static List<string> Records(IEnumerable<Person> people) =>
        people.Select(p => string.Join('|', p.IdNumber, p.Name, p.Sex, p.BirthDate, p.Address, p.DivisionCode, p.Status, p.ValidTo is null)).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [DatabaseLanes]
    public async Task An_interrupted_import_resumes_after_its_checkpoint_and_ends_like_an_uninterrupted_one(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (content, ids) = File(new DateOnly(1911, 1, 1));

        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.LinesCommitted >= 10) cancel.Cancel(); // after the first chunk has committed
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(app, "population", content, chunkSize: 10, progress: progress, cancellationToken: cancel.Token));
        var interrupted = await PeopleAsync(app, ids);
        Assert.Equal(9, interrupted.Count); // lines 1–10 hold one bad line
        var run = await WithDbAsync(app, db => db.ImportRuns.AsNoTracking().Where(r => r.FileName == "test.csv" && r.Status == ImportStatus.Running)
            .OrderByDescending(r => r.LinesDone).FirstAsync());
        Assert.Equal((10L, 9L, 1L), (run.LinesDone, run.Added, run.Rejected));

        var resumed = await ImportAsync(app, "population", content, chunkSize: 10);
        Assert.Equal(10, resumed.ResumedAfterLine);
        Assert.Equal(run.Id, resumed.RunId);
        Assert.Equal((45L, 42L, 0L, 0L, 3L), (resumed.Lines, resumed.Added, resumed.Changed, resumed.Unchanged, resumed.Rejected));
        Assert.Equal([(7L, "id_number.check"), (45L, "import.duplicate"), (46L, "import.duplicate")], resumed.FirstRejections.Select(r => (r.Line, r.Code)));

        // The same file into a database of its own, in one go.
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var fresh = new TongbanApp(database);
        var whole = await ImportAsync(fresh, "population", content, chunkSize: 10);
        Assert.Equal((resumed.Lines, resumed.Added, resumed.Rejected), (whole.Lines, whole.Added, whole.Rejected));
        Assert.Equal(Records(await PeopleAsync(fresh, ids)), Records(await PeopleAsync(app, ids)));
        Assert.Equal(42, (await PeopleAsync(app, ids)).Count);
        var again = await ImportAsync(app, "population", content, chunkSize: 10);
        Assert.Equal((0L, 0L, 42L), (again.Added, again.Changed, again.Unchanged));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_second_import_into_the_same_registry_is_refused_while_one_runs(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (content, _) = File(new DateOnly(1912, 1, 1));
        using var reading = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => ImportAsync(app, "population", content, chunkSize: 10, progress: new Progress(_ =>
        {
            if (reading.CurrentCount == 0) reading.Release();
            release.Wait(TimeSpan.FromSeconds(30)); // hold the first import while the second one tries
        })));
        Assert.True(await reading.WaitAsync(TimeSpan.FromSeconds(30)));

        var busy = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, "population", Csv(PersonHeader, Person(Id(new DateOnly(1912, 2, 2), 901)))));
        Assert.Equal((ErrorKind.Conflict, "import.busy"), (busy.Kind, busy.Errors[0].Code));
        var other = await ImportAsync(app, "geospatial", "code,kind,name,divisionCode,geometry,updatedOn\n");
        Assert.Equal(0, other.Lines); // another registry is not held up

        release.Set();
        Assert.Equal(42, (await first).Added);
    }

    [Fact]
    public async Task On_SQLite_an_import_held_by_another_process_refuses_a_second_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database);
        var content = Csv(PersonHeader, Person(Id(new DateOnly(1913, 3, 3), 901)));
        // What another process's import holds: the exclusive lock on the file beside the database.
        var lockFile = Path.Combine(database.DataDirectory, "tongban.db.import-population.lock");
        await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var busy = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, "population", content));
            Assert.Equal((ErrorKind.Conflict, "import.busy"), (busy.Kind, busy.Errors[0].Code));
        }
        Assert.Equal(1, (await ImportAsync(app, "population", content)).Added); // released when that process ends
    }
}
