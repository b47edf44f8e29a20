using System.Text;
using System.Text.Json.Nodes;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Tests.Keys;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Members_are_sorted_by_their_names_utf16_code_units_as_RFC_8785_shows()
    {
        // RFC 8785 §3.2.3's sorting example (with string values): "\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33".
        var node = JsonNode.Parse("{\"\\u20ac\":\"a\",\"\\r\":\"b\",\"\\ufb33\":\"c\",\"1\":\"d\",\"\\ud83d\\ude00\":\"e\",\"\\u0080\":\"f\",\"\\u00f6\":\"g\"}");
        Assert.Equal("{\"\\r\":\"b\",\"1\":\"d\",\"\u0080\":\"f\",\"ö\":\"g\",\"€\":\"a\",\"😀\":\"e\",\"\ufb33\":\"c\"}", CanonicalJson.Text(node));
    }

    [Fact]
    public void Strings_escape_only_quote_backslash_and_control_characters_and_keep_chinese_as_utf8()
    {
        var node = new JsonObject { ["b"] = "营业执照\"\\/\n\u0001\u001f", ["a"] = new JsonArray("x", null, true, 42) };
        Assert.Equal("{\"a\":[\"x\",null,true,42],\"b\":\"营业执照\\\"\\\\/\\n\\u0001\\u001f\"}", CanonicalJson.Text(node));
        Assert.Equal(Encoding.UTF8.GetBytes(CanonicalJson.Text(node)), CanonicalJson.Serialize(node));
    }

    [Fact]
    public void Nested_objects_are_sorted_too_and_whitespace_is_dropped()
    {
        var node = JsonNode.Parse("{ \"z\" : { \"b\" : \"1\" , \"a\" : [ ] }, \"a\" : { } }");
        Assert.Equal("{\"a\":{},\"z\":{\"a\":[],\"b\":\"1\"}}", CanonicalJson.Text(node));
    }

    [Fact]
    public void A_fractional_number_is_refused_rather_than_formatted_differently_from_ECMAScript() =>
        Assert.Throws<NotSupportedException>(() => CanonicalJson.Text(JsonNode.Parse("{\"a\":1.5}")));

    [Fact]
    public void A_lone_surrogate_cannot_be_written_as_utf8() =>
        Assert.ThrowsAny<ArgumentException>(() => CanonicalJson.Serialize(new JsonObject { ["a"] = "\ud800" }));
}
