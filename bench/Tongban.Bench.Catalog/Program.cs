using BenchmarkDotNet.Running;
using Tongban.Bench.Catalog;

// dotnet run -c Release --project bench/Tongban.Bench.Catalog -- <command>
//   relevance [sizes…]        top-1 and top-5 of the relevance set at 522, 22,112 and 220,000 items (or the sizes given)
//   latin [items] [own-names] each one- and two-letter Latin query timed alone, before and after, in the same run
//                             (own-names: every implementation named after its place, so no two share a text)
//   explain <query> [items]   how a query is read and what it finds, with scores
//   profile                   the slowest queries of the 1,000-query set at 220,000 items
//   anything else             the BenchmarkDotNet suites (e.g. --filter '*' --job short)
switch (args)
{
    case ["relevance", .. var sizes]:
        Commands.Relevance(sizes.Length == 0 ? [522, 22_112, 220_000] : [.. sizes.Select(int.Parse)]);
        break;
    case ["latin", .. var rest]:
        Commands.Latin(rest.Length == 0 ? 220_000 : int.Parse(rest[0]), rest.Contains("own-names"));
        break;
    case ["explain", var query, .. var rest]:
        Commands.Explain(query, rest.Length == 0 ? 522 : int.Parse(rest[0]));
        break;
    case ["profile"]:
        Commands.Profile();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args);
        break;
}
