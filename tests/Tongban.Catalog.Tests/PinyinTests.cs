using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

public sealed class PinyinTests
{
    [Theory]
    [InlineData("公积金", "gongjijin", "gjj")]
    [InlineData("居民身份证", "juminshenfenzheng", "jmsfz")]
    [InlineData("户口迁移", "hukouqianyi", "hkqy")]
    public void Chinese_reads_as_toneless_pinyin(string text, string full, string initials)
    {
        Assert.Equal(full, Pinyin.Shipped.Full(text));
        Assert.Equal(initials, Pinyin.Shipped.Initials(text));
    }

    [Theory]
    [InlineData("银行账户", "yinhangzhanghu")]
    [InlineData("重庆", "chongqing")]
    [InlineData("异地就医备案", "yidijiuyibeian")]
    [InlineData("住房公积金还款", "zhufanggongjijinhuankuan")]
    public void Polyphonic_characters_read_as_the_phrase_needs(string text, string full) => Assert.Equal(full, Pinyin.Shipped.Full(text));

    [Fact]
    public void Letters_and_digits_pass_through_and_punctuation_is_dropped() =>
        Assert.Equal("x12guang", Pinyin.Shipped.Full("X12（光）"));
}
