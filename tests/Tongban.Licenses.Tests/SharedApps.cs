// One running app per database lane for the whole assembly: starting an app costs seconds of CPU, and the
// tests use their own codes and names, so classes share it (README, "Run the tests"; a class that counts the whole
// region or tampers with a chain takes ClassLaneApps instead).
[assembly: AssemblyFixture(typeof(Tongban.Testing.LaneApps))]
