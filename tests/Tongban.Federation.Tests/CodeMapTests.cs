using Tongban.Federation.Domain;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Ratings;

namespace Tongban.Federation.Tests;

/// <summary>The code lists are mapped by explicit tables (domain facts 2, §5): the national and provincial satisfaction run in opposite orders.</summary>
public sealed class CodeMapTests
{
    [Theory]
    [InlineData(RatingLevel.VerySatisfied, "1", "5")]
    [InlineData(RatingLevel.Satisfied, "2", "4")]
    [InlineData(RatingLevel.Fair, "3", "3")]
    [InlineData(RatingLevel.Dissatisfied, "4", "2")]
    [InlineData(RatingLevel.VeryDissatisfied, "5", "1")]
    public void Each_rating_level_maps_to_its_national_and_its_provincial_code_and_back(RatingLevel level, string national, string provincial)
    {
        Assert.Equal(national, NationalCodes.Gb39046Satisfaction[level]);
        Assert.Equal(provincial, NationalCodes.ProvincialSatisfaction[level]);
        Assert.Equal(level, NationalCodes.Gb39046Satisfaction.Single(p => p.Value == national).Key);
        Assert.Equal(level, NationalCodes.ProvincialSatisfaction.Single(p => p.Value == provincial).Key);
    }

    [Fact]
    public void A_name_keeps_its_surname_only() => Assert.Equal(("刘**", "王*"), (CaseKind.MaskName("刘淑珍"), CaseKind.MaskName("王五")));

    [Fact]
    public void The_digest_does_not_depend_on_order_and_changes_with_a_version()
    {
        var a = Digest.Of([("b", 1), ("a", 2)]);
        Assert.Equal(a, Digest.Of([("a", 2), ("b", 1)]));
        Assert.NotEqual(a, Digest.Of([("a", 3), ("b", 1)]));
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void An_outgoing_record_is_marked_sent_only_by_the_acknowledgement_of_its_current_version()
    {
        var at = DateTimeOffset.UtcNow;
        var row = OutgoingRecord.Stage("case", "K", new DateOnly(2026, 1, 1), null, "{}", at);
        Assert.True(row.Change(null, "{\"a\":1}", at));
        Assert.False(row.Change(null, "{\"a\":1}", at));
        row.Acknowledged(1, at);
        Assert.False(row.Sent);
        row.Acknowledged(2, at);
        Assert.True(row.Sent);
    }
}
