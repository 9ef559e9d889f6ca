using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Tests.Parsing;

/// <summary>Start variable declarations (<c>type[, required][: label]</c>) and the values they accept.</summary>
public sealed class StartVariableTests
{
    [Theory]
    [InlineData("text, required: NIK pelamar", StartVariableType.Text, true, "NIK pelamar")]
    [InlineData("integer", StartVariableType.Integer, false, null)]
    [InlineData(" Date , REQUIRED ", StartVariableType.Date, true, null)]
    [InlineData("list: Dokumen: ijazah, KTP", StartVariableType.List, false, "Dokumen: ijazah, KTP")]
    public void A_declaration_reads_its_type_whether_it_is_required_and_its_label(string value, StartVariableType type, bool required, string? label)
    {
        var parsed = StartVariable.TryParse("x", value);
        Assert.Equal(new StartVariable("x", type, required, label), parsed);
    }

    [Theory]
    [InlineData("tanggal")]
    [InlineData("text, wajib")]
    [InlineData("")]
    [InlineData("text, required, extra")]
    public void A_declaration_with_an_unknown_type_or_flag_is_not_read(string value) => Assert.Null(StartVariable.TryParse("x", value));

    [Fact]
    public void Values_are_checked_by_their_json_kind_also_when_built_in_memory()
    {
        var integer = new StartVariable("n", StartVariableType.Integer, true, null);
        Assert.True(integer.Accepts(JsonValue.Create(2024)));          // an int, as handlers build start variables
        Assert.True(integer.Accepts(JsonNode.Parse("2024")!));        // as a request body has it
        Assert.False(integer.Accepts(JsonValue.Create(2024.5)));
        Assert.False(integer.Accepts(JsonValue.Create("2024")));
        var date = new StartVariable("d", StartVariableType.Date, true, null);
        Assert.True(date.Accepts(JsonValue.Create("2025-03-01")));
        Assert.False(date.Accepts(JsonValue.Create("1 Maret 2025")));
        Assert.False(date.Accepts(JsonValue.Create(20250301)));
        Assert.True(new StartVariable("t", StartVariableType.Text, true, null).Accepts(JsonValue.Create("x")));
        Assert.False(new StartVariable("t", StartVariableType.Text, true, null).Accepts(JsonValue.Create(1)));
        Assert.True(new StartVariable("b", StartVariableType.Boolean, true, null).Accepts(JsonValue.Create(false)));
        Assert.True(new StartVariable("o", StartVariableType.Object, true, null).Accepts(new JsonObject()));
        Assert.True(new StartVariable("l", StartVariableType.List, true, null).Accepts(new JsonArray()));
        Assert.True(new StartVariable("m", StartVariableType.Number, true, null).Accepts(JsonValue.Create(4.5m)));
    }
}
