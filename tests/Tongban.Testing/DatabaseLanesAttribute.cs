using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Tongban.Testing;

/// <summary>Runs a theory once per database lane: SQLite always, PostgreSQL when its lane is available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseLanesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseLane>(DatabaseLane.Sqlite), new TheoryDataRow<DatabaseLane>(DatabaseLane.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
