using Tongban.Catalog.Domain;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

public sealed class SearchIndexTests
{
    private static SearchDocument Doc(string name, string? summary = null, Subjects subjects = Subjects.Person, ItemStatus status = ItemStatus.Published) =>
        new(Guid.NewGuid(), "CODE-" + name, name, summary, "11211200061012195B", "铁岭市公安局", subjects, 3, 1, ItemType.行政确认, ExerciseLevel.市, "211200000000", status, [], []);

    private static readonly SearchDocument[] Documents =
    [
        Doc("居民身份证申领", "年满十六周岁的公民申领居民身份证"),
        Doc("临时居民身份证申领", "身份证丢失时的临时证件"),
        Doc("户口迁移（迁入）", "因工作等原因将户口迁入本市"),
        Doc("户籍证明开具", "开具户籍证明"),
        Doc("住房公积金提取（租房）", "职工租房提取公积金"),
        Doc("住房公积金个人贷款", "缴存职工申请公积金贷款"),
        Doc("基本医疗保险参保登记", "职工参加医保"),
        Doc("异地就医备案", "跨省就医的医保备案"),
        Doc("企业设立登记", "领取营业执照", Subjects.LegalPerson),
        Doc("银行业金融机构设立审查", "银行开设分支机构", Subjects.LegalPerson),
        Doc("已取消的事项", "不应被搜到", status: ItemStatus.Abolished),
    ];

    private static readonly SearchIndex Index = new(Documents, [["身份证", "居民身份证"], ["公积金", "住房公积金"], ["医保", "医疗保险"]], Pinyin.Shipped);

    private static List<string> Names(string query, SearchFilter? filter = null) =>
        Index.Search(query, filter ?? SearchFilter.None, 0, 100).Hits.Select(h => h.Document.Name).ToList();

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
        var names = Names("户籍");
        Assert.Equal("户籍证明开具", names[0]);
        var hits = Index.Search("公积金", SearchFilter.None, 0, 10).Hits;
        Assert.All(hits.TakeWhile(h => h.Match == MatchKind.Name), h => Assert.Contains("公积金", h.Document.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void An_exact_name_comes_first()
    {
        Assert.Equal("企业设立登记", Names("企业设立登记")[0]);
    }

    [Fact]
    public void Abolished_items_are_not_found() => Assert.Empty(Names("已取消"));

    [Fact]
    public void The_subject_filter_keeps_organisation_items_only() =>
        Assert.Equal(["企业设立登记"], Names("登记", new SearchFilter(Subject: Subjects.LegalPerson)));

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
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Full_width_letters_and_spaces_are_folded() => Assert.Contains("住房公积金提取（租房）", Names(" ＧＪＪ "));
}
