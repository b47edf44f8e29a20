using Tongban.Catalog.Domain;
using Tongban.Kernel.Errors;

namespace Tongban.Catalog.Tests;

public sealed class ServiceItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);

    internal static ItemElements Complete(string name = "居民身份证申领", int promised = 20) => new()
    {
        Name = name, Type = ItemType.行政确认, Level = ExerciseLevel.市, DivisionCode = "211200000000", DepartmentCreditCode = "11211200061012195B",
        LegalBasis = "《中华人民共和国居民身份证法》", Subjects = Subjects.Person, StatutoryLimit = 60, PromisedLimit = promised,
        Materials = [new Material("居民户口簿", Requirement.Required, null, MaterialForm.Original, 1, Medium.Paper, false, null, null, "population.household", null)],
        Trips = 1, OnlineDepth = 3, Places = [new Place("city-centre", ["C05"], null)], Steps = ["申请", "受理"],
        ConsultationPhone = "024-72000000", ComplaintPhone = "12345", RealNameLevel = 2,
    };

    private static ServiceItem Item() => ServiceItem.Create("000122011000", "11211200061012195B000122011001");

    [Fact]
    public void Submitting_an_incomplete_draft_names_every_missing_element()
    {
        var item = Item();
        item.Edit(new ItemElements { Name = "居民身份证申领" }, "admin", Now);
        var ex = Assert.Throws<DomainException>(() => item.Submit("admin", Now));
        Assert.Equal(15, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Field == "legal_basis");
        Assert.Contains(ex.Errors, e => e.Field == "materials");
        Assert.All(ex.Errors, e => Assert.Equal("item.element_missing", e.Code));
    }

    [Fact]
    public void Every_element_goes_to_the_feed_item_shape_and_back_unchanged()
    {
        var elements = Complete() with
        {
            Subjects = Subjects.Person | Subjects.LegalPerson, Themes = ["户籍办理"], LifeEvents = ["迁入落户"], CrossRegion = "全省通办", Summary = "申领身份证。",
            Fees = [new Fee("工本费", "20元", "价费字〔2005〕436号")],
            Materials = [.. Complete().Materials, new Material("委托书", Requirement.Conditional, "委托他人办理的", MaterialForm.OriginalAndCopy, 2, Medium.Electronic, true, "wts.docx", "wts-sample.pdf", null, "委托书")],
            Places = [.. Complete().Places, new Place(null, [], "周一至周五", "tlx-xintaizi")],
        };
        var back = Features.ImportFeed.FeedItem.From("000122011000", "11211200061012195B000122011001", elements).ToElements();
        Assert.Empty(Features.ManageItems.ElementDiff.Between(elements, back));
    }

    [Fact]
    public void A_promised_limit_beyond_the_statutory_one_is_refused_when_drafting() =>
        Assert.Equal("item.promised_over_statutory", Assert.Throws<DomainException>(() => Item().Edit(Complete(promised: 61), "admin", Now)).Errors[0].Code);

    [Fact]
    public void A_reviewer_cannot_approve_their_own_submission()
    {
        var item = Item();
        item.Edit(Complete(), "alice", Now);
        item.Submit("alice", Now);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => item.Approve("alice", null, Today, Today, Now)).Kind);
    }

    [Fact]
    public void A_returned_version_needs_an_opinion_and_can_be_edited_again()
    {
        var item = Item();
        item.Edit(Complete(), "alice", Now);
        item.Submit("alice", Now);
        Assert.Equal("item.opinion_required", Assert.Throws<DomainException>(() => item.Return("bob", " ", Now)).Errors[0].Code);
        item.Return("bob", "设定依据应写明条款", Now);
        Assert.Equal(VersionState.Returned, item.Open!.State);
        item.Edit(Complete() with { LegalBasis = "《中华人民共和国居民身份证法》第八条" }, "alice", Now);
        Assert.Equal(VersionState.Draft, item.Open!.State);
    }

    [Fact]
    public void The_published_version_stays_live_until_a_later_one_takes_effect()
    {
        var item = Item();
        item.Edit(Complete(promised: 20), "alice", Now);
        item.Submit("alice", Now);
        item.Approve("bob", "同意", Today, Today, Now);
        item.Edit(Complete(promised: 10), "alice", Now);
        item.Submit("alice", Now);
        item.Approve("bob", "同意压缩时限", Today.AddDays(10), Today, Now);

        Assert.Equal(20, item.EffectiveOn(Today)!.Elements.PromisedLimit);
        Assert.Equal(20, item.EffectiveOn(Today.AddDays(9))!.Elements.PromisedLimit);
        Assert.Equal(10, item.EffectiveOn(Today.AddDays(10))!.Elements.PromisedLimit);
        Assert.Equal(ItemStatus.Published, item.Status);
    }

    [Fact]
    public void A_version_cannot_change_while_under_review() 
    {
        var item = Item();
        item.Edit(Complete(), "alice", Now);
        item.Submit("alice", Now);
        Assert.Equal("item.under_review", Assert.Throws<DomainException>(() => item.Edit(Complete(), "alice", Now)).Errors[0].Code);
    }

    [Fact]
    public void An_abolished_item_takes_no_applications_and_no_new_version()
    {
        var item = Item();
        item.AcceptUpstream(Complete(), "feed", Today, Now);
        Assert.True(item.AcceptsApplications);
        item.Abolish("职能调整，并入“居民身份证换领”", Now);
        Assert.Equal(Now, item.AbolishedAt);
        Assert.False(item.AcceptsApplications);
        Assert.Equal("item.abolished", Assert.Throws<DomainException>(() => item.Edit(Complete(), "alice", Now)).Errors[0].Code);
    }

    [Fact]
    public void Suspending_needs_a_reason_and_a_published_item()
    {
        var item = Item();
        Assert.Equal("item.not_published", Assert.Throws<DomainException>(() => item.Suspend("系统升级")).Errors[0].Code);
        item.AcceptUpstream(Complete(), "feed", Today, Now);
        Assert.Equal("item.reason_required", Assert.Throws<DomainException>(() => item.Suspend("")).Errors[0].Code);
        item.Suspend("系统升级");
        Assert.False(item.AcceptsApplications);
    }

    [Theory]
    [InlineData("0001220110001", "11211200061012195B001", "item.basic_code")]
    [InlineData("000122011000", "11211200061012195A001", "item.implementation_code_credit")]
    [InlineData("000122011000", "", "item.implementation_code")]
    public void Codes_are_checked_as_far_as_is_certain(string basic, string implementation, string error) =>
        Assert.Contains(error, Assert.Throws<DomainException>(() => ServiceItem.Create(basic, implementation)).Errors.Select(e => e.Code));
}
