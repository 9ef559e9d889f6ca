using Pppk.Workflow.Engine.Execution;
using Bpmn = Pppk.Workflow.Engine.Tests.Support.Bpmn;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Bindings;

/// <summary>bindingType/versionTag on call activities, linked forms and decisions; zeebe:versionTag on processes; embedded forms.</summary>
public class BindingTests
{
    private const string FormJson = """{"id":"f","type":"default","components":[{"type":"textfield","key":"nama","label":"Nama"}]}""";

    private static string ProcessExtensions(string inner) => $"<extensionElements>{inner}</extensionElements>";

    private static IReadOnlyList<ValidationProblem> Check(string elements, string flows, string root = "") => BpmnValidator.Validate(Parse(elements, flows, root));

    private static void HasProblem(IReadOnlyList<ValidationProblem> problems, string id, string code, Severity severity = Severity.Error) =>
        Assert.True(problems.Any(p => p.ElementId == id && p.Code == code && p.Severity == severity),
            $"No {severity} {code} at '{id}'. Got:\n{string.Join("\n", problems)}");

    private static string CallWith(string attributes) =>
        $"""<callActivity id="c"><extensionElements><zeebe:calledElement processId="child" {attributes}/></extensionElements></callActivity>""";

    [Fact]
    public void The_parser_reads_the_version_tag_of_a_process_and_its_embedded_forms()
    {
        var model = Bpmn.Model(ProcessExtensions($"""<zeebe:versionTag value=" v2.1 "/><zeebe:userTaskForm id="uf">{Esc(FormJson)}</zeebe:userTaskForm>""") + Start() + End(), "start -> end");
        Assert.Equal("v2.1", model.Process.VersionTag);
        Assert.Equal(FormJson, model.Process.EmbeddedForms["uf"]);
    }

    [Theory]
    [InlineData("""bindingType="latest" """, BindingType.Latest)]
    [InlineData("""bindingType="deployment" """, BindingType.Deployment)]
    [InlineData("""bindingType="versionTag" versionTag="v1" """, BindingType.VersionTag)]
    public void A_call_activity_reads_its_binding_and_hands_it_to_the_runtime(string attributes, BindingType expected)
    {
        var xml = (Start() + CallWith(attributes) + End(), "start -> c -> end");
        Assert.True(BpmnValidator.IsValid(Check(xml.Item1, xml.Item2)), string.Join("\n", Check(xml.Item1, xml.Item2)));
        var h = Harness.For(xml.Item1, xml.Item2).Start();
        var request = Assert.Single(h.Of<ChildInstanceRequested>());
        Assert.Equal(expected, request.Binding!.Type);
        Assert.Null(Harness.For(Start() + CallWith("") + End(), "start -> c -> end").Start().Of<ChildInstanceRequested>().Single().Binding); // none written: latest
        Assert.Equal(expected == BindingType.VersionTag ? "v1" : null, request.Binding.VersionTag);
    }

    [Fact]
    public void An_unknown_binding_type_is_refused_not_run_as_latest()
    {
        HasProblem(Check(Start() + CallWith("""bindingType="newest" """) + End(), "start -> c -> end"), "c", "binding-type-unknown");
    }

    [Fact]
    public void A_version_tag_binding_without_a_tag_is_refused_and_a_tag_the_binding_does_not_use_is_a_warning()
    {
        HasProblem(Check(Start() + CallWith("""bindingType="versionTag" """) + End(), "start -> c -> end"), "c", "binding-version-tag-missing");
        var unused = Check(Start() + CallWith("""bindingType="latest" versionTag="v1" """) + End(), "start -> c -> end");
        HasProblem(unused, "c", "binding-version-tag-unused", Severity.Warning);
        Assert.True(BpmnValidator.IsValid(unused));
    }

    [Fact]
    public void A_linked_form_bound_to_a_version_needs_a_fixed_form_id()
    {
        var bound = User("u", extra: """<zeebe:formDefinition formId="=formName" bindingType="deployment"/>""");
        HasProblem(Check(Start() + bound + End(), "start -> u -> end"), "u", "form-binding-needs-fixed-id");
        var latest = User("u", extra: """<zeebe:formDefinition formId="=formName"/>""");
        Assert.True(BpmnValidator.IsValid(Check(Start() + latest + End(), "start -> u -> end")));
    }

    [Fact]
    public void A_user_task_hands_its_form_binding_to_the_runtime()
    {
        var h = Harness.For(Start() + User("u", extra: """<zeebe:formDefinition formId="biodata" bindingType="versionTag" versionTag="2026"/>""") + End(), "start -> u -> end").Start();
        var task = Assert.Single(h.Of<UserTaskCreated>());
        Assert.Equal("biodata", task.FormId);
        Assert.Equal(BindingType.VersionTag, task.FormBinding!.Type);
        Assert.Equal("2026", task.FormBinding.VersionTag);
    }

    [Fact]
    public void An_embedded_form_is_linked_by_its_form_key_and_must_exist_in_the_process()
    {
        var task = User("u", extra: """<zeebe:formDefinition formKey="camunda-forms:bpmn:uf"/>""");
        var withForm = ProcessExtensions($"""<zeebe:userTaskForm id="uf">{Esc(FormJson)}</zeebe:userTaskForm>""") + Start() + task + End();
        Assert.True(BpmnValidator.IsValid(Check(withForm, "start -> u -> end")), string.Join("\n", Check(withForm, "start -> u -> end")));
        var created = Assert.Single(Harness.For(withForm, "start -> u -> end").Start().Of<UserTaskCreated>());
        Assert.Equal("camunda-forms:bpmn:uf", created.FormKey);
        Assert.Equal("uf", EmbeddedForm.IdOf(created.FormKey));

        HasProblem(Check(Start() + task + End(), "start -> u -> end"), "u", "embedded-form-missing");
        var broken = ProcessExtensions("""<zeebe:userTaskForm id="uf">{ not json</zeebe:userTaskForm>""") + Start() + task + End();
        HasProblem(Check(broken, "start -> u -> end"), "u", "embedded-form-invalid");
    }

    [Fact]
    public void A_business_rule_task_binding_is_checked_and_the_call_needs_a_result_variable()
    {
        var rule = """<businessRuleTask id="b"><extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" bindingType="soon"/></extensionElements></businessRuleTask>""";
        var problems = Check(Start() + rule + End(), "start -> b -> end");
        HasProblem(problems, "b", "binding-type-unknown");
        Assert.DoesNotContain(problems, p => p.Code == "called-decision-without-result");
        var noResult = """<businessRuleTask id="b"><extensionElements><zeebe:calledDecision decisionId="d"/></extensionElements></businessRuleTask>""";
        HasProblem(Check(Start() + noResult + End(), "start -> b -> end"), "b", "called-decision-without-result");
        var model = Bpmn.Model(Start() + rule + End(), "start -> b -> end");
        Assert.Equal(new CalledDecision("d", "r", new ResourceBinding("soon", null)), model.Node("b").CalledDecision);
    }

    [Fact]
    public void The_bindings_problems_are_in_English_and_Indonesian()
    {
        var problem = Check(Start() + CallWith("""bindingType="newest" """) + End(), "start -> c -> end").Single(p => p.Code == "binding-type-unknown");
        Assert.Contains("newest", problem.Text.In(Pppk.Workflow.Engine.Localization.Language.Indonesian));
        Assert.NotEqual(problem.Text.In(Pppk.Workflow.Engine.Localization.Language.English), problem.Text.In(Pppk.Workflow.Engine.Localization.Language.Indonesian));
    }
}
