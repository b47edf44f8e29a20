using Tongban.Catalog.Domain;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

public sealed class SearchIndexTests
{
    private const string City = "211200000000", Yinzhou = "211202000000", Hongqi = "211202001000", Kaiyuan = "211282000000";

    private static SearchDocument Doc(string name, string? summary = null, Subjects subjects = Subjects.Person, ItemStatus status = ItemStatus.Published,
        string? basic = null, string division = City, ExerciseLevel level = ExerciseLevel.市) =>
        new(Guid.NewGuid(), $"CODE-{name}-{division}", basic ?? "B-" + name, name, summary, "11211200061012195B", "铁岭市公安局", subjects, 3, 1, ItemType.行政确认,
            level, division, status, [], []);

    private static readonly SearchDocument[] Documents =
    [
        Doc("居民身份证申领", "年满十六周岁的公民申领居民身份证"),
        Doc("居民身份证补领", "居民身份证丢失的，申请补领"),
        Doc("临时居民身份证申领", "身份证丢失时的临时证件"),
        Doc("户口迁移（迁入）", "因工作等原因将户口迁入本市"),
        Doc("户籍证明开具", "开具户籍证明"),
        Doc("住房公积金提取（租房）", "职工租房提取公积金"),
        Doc("住房公积金个人贷款", "缴存职工申请公积金贷款"),
        Doc("基本医疗保险参保登记", "职工参加医保"),
        Doc("异地就医备案", "跨省就医的医保备案"),
        Doc("企业设立登记", "领取营业执照", Subjects.LegalPerson),
        Doc("企业设立登记", "领取营业执照", Subjects.LegalPerson, basic: "B-企业设立登记", division: Yinzhou, level: ExerciseLevel.县),
        Doc("企业设立登记", "领取营业执照", Subjects.LegalPerson, basic: "B-企业设立登记", division: Kaiyuan, level: ExerciseLevel.县),
        Doc("银行业金融机构设立审查", "银行开设分支机构", Subjects.LegalPerson),
        Doc("最低生活保障审批", "申请低保", basic: "B-低保", division: Hongqi, level: ExerciseLevel.乡镇),
        Doc("已取消的事项", "不应被搜到", status: ItemStatus.Abolished),
    ];

    private static readonly LifeEventDocument[] LifeEvents = [new("LE-KBQY", "开办企业", "新设立企业一次办好营业执照、公章、涉税事项", Subjects.LegalPerson)];

    private static readonly Dictionary<string, string> DivisionNames = new() { [City] = "铁岭市", [Yinzhou] = "银州区", [Hongqi] = "红旗街道", [Kaiyuan] = "开原市" };

    private static readonly SearchIndex Index = new(Documents, [["身份证", "居民身份证"], ["公积金", "住房公积金"], ["医保", "医疗保险"], ["丢了", "补领"], ["开公司", "企业设立登记"]],
        Pinyin.Shipped, LifeEvents, DivisionNames);

    private static List<string> Names(string query, SearchFilter? filter = null) =>
        Index.Search(query, filter ?? SearchFilter.None, 0, 100).Groups.Select(g => g.Name).ToList();

    /// <summary>The oracle: a plain substring test over name and description.</summary>
    private static HashSet<string> Substring(string query) =>
        Documents.Where(d => d.Status != ItemStatus.Abolished && (d.Name.Contains(query, StringComparison.Ordinal) || (d.Summary ?? "").Contains(query, StringComparison.Ordinal)))
            .Select(d => d.Name).ToHashSet();

    [Theory]
    [InlineData("户")]
    [InlineData("证")]
    [InlineData("户口")]
    [InlineData("医保")]
    [InlineData("公积金")]
    [InlineData("登记")]
    [InlineData("（")]
    public void Every_substring_match_is_found(string query) => Assert.Superset(Substring(query), Names(query).ToHashSet());

    [Fact]
    public void A_synonym_finds_items_that_use_the_other_term()
    {
        Assert.Contains("基本医疗保险参保登记", Names("医保"));
        Assert.Contains("居民身份证申领", Names("身份证"));
    }

    [Theory]
    [InlineData("gongjijin")]
    [InlineData("gjj")]
    [InlineData("zfgjj")]
    public void Full_pinyin_and_initials_find_an_item(string query) => Assert.Contains("住房公积金提取（租房）", Names(query));

    [Fact]
    public void A_name_match_ranks_above_a_description_match()
    {
        Assert.Equal("户籍证明开具", Names("户籍")[0]);
        var groups = Index.Search("公积金", SearchFilter.None, 0, 10).Groups;
        Assert.All(groups.TakeWhile(g => g.Match == MatchKind.Name), g => Assert.Contains("公积金", g.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void An_exact_name_comes_first() => Assert.Equal("企业设立登记", Names("企业设立登记")[0]);

    [Fact]
    public void The_primary_item_ranks_above_its_secondary_actions_unless_the_query_asks_for_one()
    {
        Assert.Equal("居民身份证申领", Names("身份证")[0]);
        Assert.Equal("居民身份证补领", Names("身份证丢了怎么办")[0]);
    }

    [Fact]
    public void Question_words_are_left_out_and_the_remaining_words_match_one_by_one()
    {
        Assert.Equal("户口迁移（迁入）", Names("户口迁入需要什么材料")[0]);
        var hit = Index.Search("户口迁入需要什么材料", SearchFilter.None, 0, 1).Groups[0];
        Assert.Equal(MatchKind.Partial, hit.Match);
        Assert.Empty(Names("需要什么材料"));
    }

    [Fact]
    public void A_typo_of_the_same_sound_finds_the_item() => Assert.Equal("居民身份证申领", Names("居民身分证申领")[0]);

    [Fact]
    public void One_basic_item_implemented_in_three_places_is_one_result_with_three_places()
    {
        var result = Index.Search("企业设立登记", SearchFilter.None, 0, 20);
        var group = Assert.Single(result.Groups, g => g.Name == "企业设立登记");
        Assert.Equal([City, Yinzhou, Kaiyuan], group.Implementations.Select(d => d.DivisionCode));
        Assert.Equal(result.Groups.Sum(g => g.Implementations.Count), result.Items);
    }

    [Fact]
    public void The_persons_own_place_comes_first_then_the_places_above_it()
    {
        var group = Index.Search("企业设立登记", SearchFilter.None, 0, 20, home: Kaiyuan).Groups.Single(g => g.Name == "企业设立登记");
        Assert.Equal([Kaiyuan, City, Yinzhou], group.Implementations.Select(d => d.DivisionCode));
        Assert.Equal(Kaiyuan, group.Primary!.DivisionCode);
    }

    [Fact]
    public void The_place_facet_counts_results_per_county_level_place_and_narrows_to_one()
    {
        var all = Index.Search("登记", SearchFilter.None, 0, 20);
        Assert.Equal([(City, "铁岭市"), (Yinzhou, "银州区"), (Kaiyuan, "开原市")], all.Places.Select(p => (p.Code, p.Name)));
        var kaiyuan = Index.Search("登记", new SearchFilter(Place: Kaiyuan), 0, 20);
        Assert.Equal(["企业设立登记"], kaiyuan.Groups.Select(g => g.Name));
        Assert.Equal([Kaiyuan], kaiyuan.Groups[0].Implementations.Select(d => d.DivisionCode));
        Assert.Equal(all.Places, kaiyuan.Places);
        // A township's item counts under its county.
        Assert.Equal(Yinzhou, Assert.Single(Index.Search("低保", SearchFilter.None, 0, 20).Places).Code);
    }

    [Fact]
    public void A_life_event_is_a_result_of_its_own_and_a_synonym_finds_it_with_the_item()
    {
        var groups = Index.Search("开办企业", SearchFilter.None, 0, 20).Groups;
        Assert.Equal("LE-KBQY", groups[0].Code);
        Assert.NotNull(groups[0].LifeEvent);
        Assert.Contains("企业设立登记", Names("开公司"));
        Assert.DoesNotContain(Index.Search("开办企业", new SearchFilter(Place: City), 0, 20).Groups, g => g.LifeEvent is not null);
    }

    [Fact]
    public void Abolished_items_are_not_found() => Assert.Empty(Names("已取消"));

    [Fact]
    public void The_subject_filter_keeps_organisation_items_only() =>
        Assert.Equal(["企业设立登记"], Names("登记", new SearchFilter(Subject: Subjects.LegalPerson)));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 100)]
    [InlineData(int.MaxValue, 20)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(-5, -5)]
    public void Any_skip_and_take_answer_a_page_of_at_most_a_hundred(int skip, int take)
    {
        var result = Index.Search("证", SearchFilter.None, skip, take);
        Assert.True(result.Total > 2);
        Assert.InRange(result.Groups.Count, 0, Math.Min(SearchIndex.MaxTake, Math.Max(0, result.Total - Math.Max(0, skip))));
    }

    [Theory]
    [InlineData("😀😀")]
    [InlineData("'; DROP TABLE cat_items; --")]
    [InlineData("%_%")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001")]
    public void Odd_input_answers_normally(string query) => Assert.NotNull(Index.Search(query, SearchFilter.None, 0, 20));

    [Fact]
    public void A_two_thousand_character_query_answers_normally()
    {
        var result = Index.Search(new string('证', 2000), SearchFilter.None, 0, 20);
        Assert.Equal(SearchText.MaxQueryLength, result.Query.Length);
        Assert.Empty(result.Groups);
    }

    [Fact]
    public void Full_width_letters_and_spaces_are_folded() => Assert.Contains("住房公积金提取（租房）", Names(" ＧＪＪ "));
}
