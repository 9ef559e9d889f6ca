using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Listeners;

/// <summary>Execution listeners on the process itself: start listeners before its start event, end listeners after its last element, as Camunda 8.6+.</summary>
public class ProcessListenerTests
{
    private static string OnProcess(params (string Event, string Type)[] listeners) =>
        "<extensionElements><zeebe:executionListeners>"
        + string.Concat(listeners.Select(l => $"""<zeebe:executionListener eventType="{l.Event}" type="{Esc(l.Type)}" retries="2"/>"""))
        + "</zeebe:executionListeners></extensionElements>";

    private static Harness CompleteListener(Harness h, string type, object? variables = null)
    {
        h.Handle(new JobCompleted(h.State.WaitPoints.Single(w => w.JobType == type).Id, Harness.Vars(variables)));
        return h;
    }

    private static IReadOnlyList<ValidationProblem> Check(string elements, string flows) => BpmnValidator.Validate(Parse(elements, flows));

    private static List<string> JobTypes(Harness h) => h.Of<JobCreated>().Select(j => j.Type).ToList();

    [Fact]
    public void Start_listeners_run_in_order_before_the_start_event_is_entered()
    {
        var h = Harness.For(OnProcess(("start", "p1"), ("start", "p2")) + Start() + Service("s", "work") + End(), "start -> s -> end").Start(new { nip = "1" });
        Assert.Equal(["p1"], JobTypes(h));
        Assert.Equal("start", h.Of<JobCreated>().Single().Headers["pppk.listener"]);
        Assert.Equal("\"1\"", h.Of<JobCreated>().Single().Variables["nip"]!.ToJsonString()); // it sees the start variables
        Assert.DoesNotContain(h.Of<ElementStarted>(), e => e.ElementId == "start");
        CompleteListener(h, "p1", new { unit = "BKPSDM" });
        Assert.Equal(["p1", "p2"], JobTypes(h));
        Assert.DoesNotContain(h.Of<ElementStarted>(), e => e.ElementId == "start");
        CompleteListener(h, "p2");
        Assert.Contains(h.Of<ElementStarted>(), e => e.ElementId == "start");
        Assert.Equal(["p1", "p2", "work"], JobTypes(h));
        Assert.Equal("\"BKPSDM\"", h.Of<JobCreated>().Last().Variables["unit"]!.ToJsonString()); // a start listener's variables are the process's
        h.CompleteJob("s");
        h.AssertCompleted();
    }

    [Fact]
    public void End_listeners_run_after_the_last_element_and_before_the_instance_completes()
    {
        var h = Harness.For(OnProcess(("end", "e1"), ("end", "e2")) + Start() + Service("s", "work") + End(), "start -> s -> end").Start();
        Assert.Equal(["work"], JobTypes(h));
        h.CompleteJob("s");
        Assert.Equal(["work", "e1"], JobTypes(h));
        Assert.Contains("end", h.Ended);
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        Assert.Empty(h.Of<InstanceCompleted>());
        CompleteListener(h, "e1", new { arsip = "ok" });
        Assert.Equal(["work", "e1", "e2"], JobTypes(h));
        Assert.Equal("end", h.Of<JobCreated>().Last().Headers["pppk.listener"]);
        CompleteListener(h, "e2");
        h.AssertCompleted();
        Assert.Equal("\"ok\"", h.Of<InstanceCompleted>().Single().Variables["arsip"]!.ToJsonString()); // an end listener's variables are in the result
    }

    [Fact]
    public void A_failing_process_listener_is_retried_then_an_incident_on_the_process_whose_retry_runs_it_again()
    {
        var h = Harness.For(OnProcess(("start", "cek")) + Start() + End(), "start -> end").Start();
        var wait = h.State.WaitPoints.Single();
        h.Handle(new JobFailed(wait.Id, "down", 1, TimeSpan.FromMinutes(1)));
        Assert.NotNull(h.Of<JobCreated>().Last().NotBefore);
        h.Handle(new JobFailed(wait.Id, "still down", 0));
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal(IncidentKind.Job, incident.Kind);
        Assert.Equal(h.Model.Id, incident.ElementId);
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(2, h.Of<JobCreated>().Last().Retries);
        Assert.Empty(h.State.Incidents);
        CompleteListener(h, "cek");
        h.AssertCompleted();
    }

    [Fact]
    public void A_process_listener_cannot_throw_a_BPMN_error_it_is_an_incident()
    {
        var h = Harness.For(OnProcess(("end", "akhir")) + Start() + End(), "start -> end").Start();
        h.Handle(new JobThrewError(h.State.WaitPoints.Single().Id, "X"));
        Assert.Contains("listener-bpmn-error", h.Of<IncidentRaised>().Single().Message.Code);
        Assert.Equal(InstanceStatus.Active, h.State.Status);
    }

    [Fact]
    public void A_listener_type_can_be_an_expression_over_the_start_variables()
    {
        var h = Harness.For(OnProcess(("start", "=\"daftar-\" + jenis")) + Start() + End(), "start -> end").Start(new { jenis = "cuti" });
        Assert.Equal("daftar-cuti", h.Of<JobCreated>().Single().Type);
    }

    [Fact]
    public void A_terminate_end_event_ends_the_instance_without_its_end_listeners()
    {
        var h = Harness.For(OnProcess(("end", "e1")) + Start() + Terminate("t"), "start -> t").Start();
        Assert.Empty(h.Of<JobCreated>());
        Assert.Equal(InstanceStatus.Terminated, h.State.Status);
    }

    [Fact]
    public void Process_listeners_are_checked_as_element_listeners_are()
    {
        var ok = Check(OnProcess(("start", "a"), ("end", "b")) + Start() + End(), "start -> end");
        Assert.True(BpmnValidator.IsValid(ok), string.Join("\n", ok));
        Assert.Contains(Check(OnProcess(("begin", "a")) + Start() + End(), "start -> end"), p => p.Code == "listener-event-unknown");
        Assert.Contains(Check(OnProcess(("start", " ")) + Start() + End(), "start -> end"), p => p.Code == "listener-without-type");
        Assert.Contains(Check(OnProcess(("start", "=if then")) + Start() + End(), "start -> end"), p => p.ElementId == "p" && p.Severity == Severity.Error);
    }
}
