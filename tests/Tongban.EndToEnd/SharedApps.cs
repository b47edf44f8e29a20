// One host and one Chromium for the whole assembly: each start costs seconds of CPU, and each test opens its own
// browser context and uses its own names (README, "Run the tests").
[assembly: AssemblyFixture(typeof(Tongban.EndToEnd.Browser))]
