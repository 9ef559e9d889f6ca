using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelJsonMappingTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("\"2025-01-01\"", "\"2025-01-01\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[1,\"a\",null,[true]]", "[1, \"a\", null, [true]]")]
    [InlineData("{\"a\":1,\"b\":{\"c\":[1,2]}}", "{a: 1, b: {c: [1, 2]}}")]
    [InlineData("{\"first name\":\"Ani\"}", "{first name: \"Ani\"}")]
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("1e3", "1000")]
    [InlineData("1e40", "null")]
    public void Json_to_feel(string json, string feel) =>
        Assert.Equal(feel, FeelValue.FromJson(JsonNode.Parse(json)).ToString());

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.50", "1.5")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("[1, \"a\", null]", "[1,\"a\",null]")]
    [InlineData("{a: 1, b: [true]}", "{\"a\":1,\"b\":[true]}")]
    [InlineData("date(\"2025-01-01\")", "\"2025-01-01\"")]
    [InlineData("time(\"08:30:00+08:00\")", "\"08:30:00\\u002B08:00\"")]
    [InlineData("date and time(\"2025-01-01T08:00:00@Asia/Makassar\")", "\"2025-01-01T08:00:00@Asia/Makassar\"")]
    [InlineData("date and time(\"2025-01-01T08:00:00Z\")", "\"2025-01-01T08:00:00Z\"")]
    [InlineData("duration(\"P1DT2H\")", "\"P1DT2H\"")]
    [InlineData("duration(\"P1Y2M\")", "\"P1Y2M\"")]
    [InlineData("[1..5]", "\"[1..5]\"")]
    [InlineData("{d: date(\"2025-01-01\")}", "{\"d\":\"2025-01-01\"}")]
    public void Feel_to_json(string expression, string json)
    {
        var node = FeelExpression.Evaluate(expression).ToJson();
        Assert.Equal(json, node?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":\"x\",\"c\":[1,2.5,{\"d\":null}],\"e\":true}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"2025-01-01\"")]
    [InlineData("0.1")]
    [InlineData("{\"nested\":{\"deeper\":{\"x\":[[]]}}}")]
    public void Json_round_trips(string json) =>
        Assert.Equal(json, FeelValue.FromJson(JsonNode.Parse(json)).ToJson()?.ToJsonString() ?? "null");

    [Fact]
    public void Temporal_values_round_trip_through_their_iso_strings()
    {
        foreach (var text in new[] { "date(\"2024-02-29\")", "time(\"10:15:30+08:00\")", "date and time(\"2026-01-05T08:00:00@Asia/Makassar\")", "duration(\"-P3DT4H\")", "duration(\"P2Y\")" })
        {
            var value = FeelExpression.Evaluate(text);
            var iso = value.ToJson()!.GetValue<string>();
            var function = text[..text.IndexOf('(')];
            var back = FeelExpression.Evaluate($"{function}(s)", new JsonFeelScope(new JsonObject { ["s"] = iso }));
            Assert.Equal(value.ToString(), back.ToString());
        }
    }

    [Fact]
    public void Json_strings_stay_strings_until_converted()
    {
        var scope = new JsonFeelScope(new JsonObject { ["d"] = "2025-01-01" });
        Assert.IsType<FeelString>(FeelExpression.Evaluate("d", scope));
        Assert.IsType<FeelDate>(FeelExpression.Evaluate("date(d)", scope));
        Assert.Equal("null", FeelExpression.Evaluate("d < date(\"2026-01-01\")", scope).ToString());
    }

    [Fact]
    public void Scope_over_a_dictionary_resolves_names_with_spaces()
    {
        var scope = new JsonFeelScope(new Dictionary<string, JsonNode?> { ["contract end"] = "2026-03-31", ["masa kerja"] = 5 });
        Assert.Equal("true", FeelExpression.Evaluate("masa kerja >= 5 and date(contract end) > date(\"2026-01-01\")", scope).ToString());
    }
}
