using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class MessageThrowTests
{
    private static readonly string Root = Message("m", "=\"hasil-\" + jenis", "=nik");

    private static string ThrowMessage(string id, string extra = "") =>
        $"""<intermediateThrowEvent id="{id}"><extensionElements>{extra}</extensionElements><messageEventDefinition messageRef="m"/></intermediateThrowEvent>""";

    private static string EndMessage(string id, string extra = "") =>
        $"""<endEvent id="{id}"><extensionElements>{extra}</extensionElements><messageEventDefinition messageRef="m"/></endEvent>""";

    [Fact]
    public void A_message_throw_event_publishes_name_key_and_its_input_mappings_and_goes_on()
    {
        var h = Harness.For(Start() + ThrowMessage("kabari", Io(("input", "=skor * 2", "nilai"), ("input", "=\"lulus\"", "status"))) + User("next") + End(),
            "start -> kabari -> next -> end", Root).Start(new { jenis = "seleksi", nik = "3201", skor = 40 });
        var published = Assert.Single(h.Of<MessagePublished>());
        Assert.Equal(("kabari", "hasil-seleksi", "3201"), (published.ElementId, published.Name, published.CorrelationKey));
        Assert.Equal("""{"nilai":80,"status":"lulus"}""", published.Variables.ToJsonString());
        Assert.Equal(["next"], h.Active);
        Assert.Null(h.Var("nilai")); // the mappings are the message's, not the instance's
    }

    [Fact]
    public void A_message_end_event_publishes_and_ends_its_token()
    {
        var h = Harness.For(Start() + EndMessage("selesai"), "start -> selesai", Root).Start(new { jenis = "sk", nik = "3202" });
        h.AssertCompleted();
        var published = Assert.Single(h.Of<MessagePublished>());
        Assert.Equal(("hasil-sk", "3202"), (published.Name, published.CorrelationKey));
        Assert.Empty(published.Variables);
    }

    [Fact]
    public void A_message_name_that_evaluates_to_nothing_is_an_incident_and_a_retry_publishes_once()
    {
        var h = Harness.For(Start() + ThrowMessage("kabari") + User("next") + End(), "start -> kabari -> next -> end",
            Message("m", "=namaPesan", "=nik")).Start(new { nik = "1" });
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("kabari", incident.ElementId);
        Assert.Empty(h.Of<MessagePublished>());
        h.Handle(new SetVariables(Harness.Vars(new { namaPesan = "ok" })!));
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal("ok", Assert.Single(h.Of<MessagePublished>()).Name);
        Assert.Equal(["next"], h.Active);
    }

    [Fact]
    public void With_a_job_type_a_message_throw_is_a_job_as_in_camunda()
    {
        var h = Harness.For(Start() + ThrowMessage("kabari", """<zeebe:taskDefinition type="email"/>""") + End(), "start -> kabari -> end", Root).Start(new { jenis = "x", nik = "1" });
        Assert.Equal("email", Assert.Single(h.Of<JobCreated>()).Type);
        Assert.Empty(h.Of<MessagePublished>());
        h.CompleteJob("kabari");
        h.AssertCompleted();
    }

    [Fact]
    public void Validation_accepts_a_throw_without_correlation_key_and_refuses_one_without_message()
    {
        var noKey = BpmnValidator.Validate(Parse(Start() + ThrowMessage("kabari") + End(), "start -> kabari -> end", """<message id="m" name="mulai"/>"""));
        Assert.True(BpmnValidator.IsValid(noKey), string.Join("\n", noKey));
        var none = BpmnValidator.Validate(Parse(Start() + """<endEvent id="selesai"><messageEventDefinition/></endEvent>""", "start -> selesai"));
        Assert.Contains(none, p => p.ElementId == "selesai" && p.Severity == Severity.Error);
        var noType = BpmnValidator.Validate(Parse(Start() + ThrowMessage("kabari", """<zeebe:taskDefinition type=""/>""") + End(), "start -> kabari -> end", Root));
        Assert.Contains(noType, p => p.ElementId == "kabari" && p.Code == "job-type-missing");
    }
}
