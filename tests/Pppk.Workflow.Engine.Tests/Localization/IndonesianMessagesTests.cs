using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Localization;

public class IndonesianMessagesTests
{
    private static ValidationProblem Only(IReadOnlyList<ValidationProblem> problems, string code) =>
        Assert.Single(problems, p => p.Code == code);

    [Fact]
    public void A_validation_problem_keeps_its_English_message_and_renders_in_Indonesian_with_ids_verbatim()
    {
        var problems = BpmnValidator.Validate(Parse(Start() + Xor("gw") + End("a") + End("b"), "start -> gw; gw -> a [=ok]; gw -> b"));
        var problem = problems.Single(p => p.Code == "missing-condition");
        Assert.StartsWith("Sequence flow '", problem.Message);
        Assert.Equal(problem.Message, problem.Text.In(Language.English));
        var indonesian = problem.Text.In(Language.Indonesian);
        Assert.Contains("keluar dari gerbang eksklusif 'gw' tanpa kondisi", indonesian);
        Assert.Contains($"'{problem.ElementId}'", indonesian);
    }

    [Fact]
    public void An_element_is_named_with_the_designers_term_in_Indonesian()
    {
        var problem = Only(BpmnValidator.Validate(Parse(Start() + User("u") + User("v") + End(), "start -> end; u -> v -> end")), "unreachable");
        Assert.Equal("userTask 'v' cannot be reached from a start event; connect it to the flow or remove it.", problem.Message);
        Assert.StartsWith("Elemen tugas pengguna 'v' tidak dapat dicapai", problem.Text.In(Language.Indonesian));
    }

    [Fact]
    public void A_FEEL_syntax_error_translates_its_frame_and_keeps_expression_tokens_and_position()
    {
        var problems = BpmnValidator.Validate(Parse(Start() + Xor("gw") + End("a") + End("b"), "start -> gw; gw -> a [=x = = 1]; gw -> b [default]"));
        var problem = Only(problems, "feel-syntax");
        Assert.Contains("FEEL syntax error in 'x = = 1'", problem.Message);
        Assert.Contains("at line 1, column", problem.Message);
        var indonesian = problem.Text.In(Language.Indonesian);
        Assert.StartsWith("Nilai kondisi pada '", indonesian);
        Assert.Contains("Galat sintaks FEEL pada 'x = = 1': '=' tidak terduga: diharapkan sebuah operan", indonesian);
        Assert.Contains("pada baris 1, kolom", indonesian);
    }

    [Fact]
    public void A_FEEL_expected_token_error_translates_the_context_and_what_was_found()
    {
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse("if a then b"));
        Assert.Equal("feel-expected-token", error.ReasonText.Code);
        Assert.Equal("Expected 'else' after the then branch (FEEL if needs an else) but found end of expression", error.Reason);
        Assert.Equal("Diharapkan 'else' setelah cabang then (if pada FEEL memerlukan else) tetapi ditemukan akhir ekspresi",
            error.ReasonText.In(Language.Indonesian));
        Assert.EndsWith($"(baris {error.Line}, kolom {error.Column})", error.Text.In(Language.Indonesian));
        Assert.Equal(error.Message, error.Text.ToString());
    }

    [Fact]
    public void A_timer_problem_renders_its_nested_reason_in_the_same_language()
    {
        Assert.Null(Pppk.Workflow.Engine.Timers.TimerSchedule.Read(Pppk.Workflow.Engine.Model.TimerKind.Duration, "15 menit", TimeZoneInfo.Utc, out var error));
        Assert.Equal("'15 menit' is not a positive ISO 8601 duration; write e.g. PT15M, P3D or P1DT12H.", error!.ToString());
        Assert.StartsWith("'15 menit' bukan durasi ISO 8601", error.In(Language.Indonesian));
        Assert.NotNull(new ExpressionCache().TryCompile("=1 +"));
    }

    [Theory]
    [InlineData(null, Language.English)]
    [InlineData("", Language.English)]
    [InlineData("id", Language.Indonesian)]
    [InlineData("id-ID,id;q=0.9,en;q=0.8", Language.Indonesian)]
    [InlineData("en-US,en;q=0.9,id;q=0.8", Language.English)]
    [InlineData("en;q=0.5, id;q=0.8", Language.Indonesian)]
    [InlineData("de-DE", Language.English)]
    [InlineData("*", Language.English)]
    public void The_language_is_read_from_Accept_Language(string? header, Language expected) =>
        Assert.Equal(expected, Languages.FromAcceptLanguage(header));
}
