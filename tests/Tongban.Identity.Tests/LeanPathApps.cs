namespace Tongban.Identity.Tests;

/// <summary>
/// The classes that read how many grants the lean refresh path answered (<c>RefreshGrants.Answered</c>) or switch the
/// path off for a moment (<c>OpenIdConnectOptions.LeanRefreshGrants</c>): both are one per app, so on the assembly's shared
/// app any other test's refresh grant moved the count between a test's two readings, and a switch turned off by one test
/// sent another's grants to OpenIddict (the 24 racers' winner among them: "the winner should have been answered on the lean
/// path"). They have an app of their own and run one after another on it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LeanPathApps : ICollectionFixture<ClassLaneApps>
{
    public const string Name = "The lean refresh path's own apps";
}
