using System.Security;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Tests.Summary;

/// <summary>Issue 18: the case summary a process declares (<c>summary.&lt;n&gt;</c>), read in order and refused at deploy when it can't be used.</summary>
public class SummaryDeclarationTests
{
    private static BpmnDefinitions Process(params (string Name, string Value)[] properties) => BpmnParser.Parse($"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:extensionElements><zeebe:properties>{string.Concat(properties.Select(p => $"<zeebe:property name=\"{p.Name}\" value=\"{SecurityElement.Escape(p.Value)}\"/>"))}</zeebe:properties></bpmn:extensionElements>
            <bpmn:startEvent id="s"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """);

    private static List<ValidationProblem> Errors(BpmnDefinitions d) => [.. BpmnValidator.Validate(d).Where(p => p.Severity == Severity.Error)];

    [Fact]
    public void Lines_are_read_in_the_order_of_their_numbers_with_format_expression_and_empty_text()
    {
        var d = Process(("summary.10", "Rekomendasi | text | =recommendation"), ("summary.2", "Biaya | rupiah | =renewalCost | belum dihitung"),
            ("summary.3", "Penilaian | table[Tahun=year; Predikat=predicate; Nilai=score:number] | =performance.history | belum ada penilaian"),
            ("caseUnit", "=unitCode"));
        Assert.Empty(Errors(d));
        var summary = d.Processes[0].Summary;
        Assert.Equal(["Biaya", "Penilaian", "Rekomendasi"], summary.Select(e => e.Label));
        Assert.Equal((SummaryFormat.Rupiah, "=renewalCost", "belum dihitung"), (summary[0].Format, summary[0].Expression, summary[0].EmptyText));
        Assert.Equal(SummaryFormat.Table, summary[1].Format);
        Assert.Equal([new SummaryColumn("Tahun", "year", SummaryFormat.Text), new SummaryColumn("Predikat", "predicate", SummaryFormat.Text),
            new SummaryColumn("Nilai", "score", SummaryFormat.Number)], summary[1].Columns);
        Assert.Null(summary[2].EmptyText);
    }

    [Fact]
    public void A_pipe_inside_a_FEEL_string_does_not_split_the_line()
    {
        var d = Process(("summary.1", "Catatan | text | =\"a | b\" + note | kosong"));
        Assert.Empty(Errors(d));
        Assert.Equal(("=\"a | b\" + note", "kosong"), (d.Processes[0].Summary[0].Expression, d.Processes[0].Summary[0].EmptyText));
    }

    [Theory]
    [InlineData("summary.1", "Biaya | money | =renewalCost", "summary-format-unknown", "'money'")]
    [InlineData("summary.1", "Tabel | table[Tahun=year:tahun] | =rows", "summary-format-unknown", "'tahun'")]
    [InlineData("summary.1", "Biaya | rupiah | renewalCost", "summary-invalid", "summary.1")]
    [InlineData("summary.x", "Biaya | rupiah | =renewalCost", "summary-invalid", "summary.x")]
    [InlineData("summary.1", "Biaya | rupiah", "summary-invalid", "summary.1")]
    [InlineData("summary.1", "Tabel | table[] | =rows", "summary-invalid", "summary.1")]
    [InlineData("summary.1", "Biaya | rupiah | =renewalCost +", "summary-feel", "summary.1")]
    public void A_line_that_cannot_be_used_is_a_deployment_error_naming_it_in_English_and_Indonesian(string name, string value, string code, string named)
    {
        var error = Assert.Single(Errors(Process((name, value))));
        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Message);
        Assert.Contains(named, error.Text.In(Language.Indonesian));
        Assert.Contains("ringkasan", error.Text.In(Language.Indonesian));
    }

    [Fact]
    public void The_same_number_twice_is_refused()
    {
        var error = Assert.Single(Errors(Process(("summary.1", "A | text | =a"), ("summary.1", "B | text | =b"))));
        Assert.Equal("summary-invalid", error.Code);
    }
}
