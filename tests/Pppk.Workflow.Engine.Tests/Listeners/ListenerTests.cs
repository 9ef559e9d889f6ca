using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Listeners;

/// <summary>Execution listeners (start/end) and task listeners (creating/completing): jobs the element waits for, in order, as Camunda 8.6+.</summary>
public class ListenerTests
{
    private static string Execution(params (string Event, string Type)[] listeners) =>
        "<zeebe:executionListeners>" + string.Concat(listeners.Select(l => $"""<zeebe:executionListener eventType="{l.Event}" type="{Esc(l.Type)}" retries="2"/>""")) + "</zeebe:executionListeners>";

    private static string TaskListeners(params (string Event, string Type)[] listeners) =>
        "<zeebe:taskListeners>" + string.Concat(listeners.Select(l => $"""<zeebe:taskListener eventType="{l.Event}" type="{Esc(l.Type)}"/>""")) + "</zeebe:taskListeners>";

    private static List<string> JobTypes(Harness h) => h.Of<JobCreated>().Select(j => j.Type).ToList();

    private static Harness CompleteListener(Harness h, string type, object? variables = null)
    {
        var wait = h.State.WaitPoints.Single(w => w.JobType == type);
        h.Handle(new JobCompleted(wait.Id, Harness.Vars(variables)));
        return h;
    }

    [Fact]
    public void Start_listeners_run_in_order_before_the_element_and_end_listeners_after_it()
    {
        var h = Harness.For(Start() + Service("s", "work", Execution(("start", "s1"), ("end", "e1"), ("start", "s2"))) + End(), "start -> s -> end").Start();
        Assert.Equal(["s1"], JobTypes(h));
        Assert.Equal("start", h.Of<JobCreated>().Single().Headers["pppk.listener"]);
        CompleteListener(h, "s1");
        Assert.Equal(["s1", "s2"], JobTypes(h));
        CompleteListener(h, "s2");
        Assert.Equal(["s1", "s2", "work"], JobTypes(h));
        h.CompleteJob("s");
        Assert.Equal(["s1", "s2", "work", "e1"], JobTypes(h));
        Assert.Equal(["s"], h.Active);
        CompleteListener(h, "e1");
        h.AssertCompleted();
    }

    [Fact]
    public void A_start_listeners_variables_are_local_to_the_element_and_an_end_listeners_reach_the_scope()
    {
        var h = Harness.For(Start() + Script("calc", "=basis * 2", "hasil").Replace("<extensionElements>", "<extensionElements>" + Execution(("start", "ambil"), ("end", "catat"))) + End(),
            "start -> calc -> end").Start();
        CompleteListener(h, "ambil", new { basis = 21 });
        Assert.Equal("42", h.VarJson("hasil"));
        Assert.Null(h.Var("basis")); // local to the script task
        CompleteListener(h, "catat", new { tercatat = true });
        h.AssertCompleted();
        Assert.Equal("true", h.VarJson("tercatat"));
    }

    [Fact]
    public void A_failing_listener_is_retried_then_an_incident_whose_retry_runs_it_again()
    {
        var h = Harness.For(Start() + Task("t").Replace("/>", $"><extensionElements>{Execution(("start", "cek"))}</extensionElements></task>") + End(), "start -> t -> end").Start();
        var wait = h.State.WaitPoints.Single();
        h.Handle(new JobFailed(wait.Id, "down", 1, TimeSpan.FromMinutes(1)));
        Assert.NotNull(h.Of<JobCreated>().Last().NotBefore);
        h.Handle(new JobFailed(wait.Id, "still down", 0));
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal(IncidentKind.Job, incident.Kind);
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(2, h.Of<JobCreated>().Last().Retries); // the listener's own retries
        CompleteListener(h, "cek");
        h.AssertCompleted();
    }

    [Fact]
    public void A_listener_cannot_throw_a_BPMN_error_it_is_an_incident_and_the_boundary_is_not_taken()
    {
        var h = Harness.For(Start() + Service("s", "work", Execution(("end", "akhir"))) + BoundaryError("b", "s") + End() + End("e2"), "start -> s -> end; b -> e2", Error("err", "X")).Start();
        h.CompleteJob("s");
        var wait = h.State.WaitPoints.Single(w => w.JobType == "akhir");
        h.Handle(new JobThrewError(wait.Id, "X"));
        Assert.Contains("listener-bpmn-error", h.Of<IncidentRaised>().Single().Message.Code);
        Assert.Equal(["s"], h.Active);
        h.Handle(new RetryIncident(h.State.Incidents.Single().Id));
        CompleteListener(h, "akhir");
        h.AssertCompleted();
        Assert.DoesNotContain("e2", h.Ended);
    }

    [Fact]
    public void A_creating_task_listener_runs_before_the_task_opens_and_can_set_its_assignee()
    {
        var h = Harness.For(Start() + User("u", "=petugas", TaskListeners(("creating", "tentukan"))) + End(), "start -> u -> end").Start();
        Assert.Empty(h.Of<UserTaskCreated>());
        CompleteListener(h, "tentukan", new { petugas = "budi" });
        Assert.Equal("budi", h.Of<UserTaskCreated>().Single().Assignee);
    }

    [Fact]
    public void A_completing_task_listener_runs_after_the_person_completes_and_the_element_completes_with_both_variables()
    {
        var h = Harness.For(Start() + User("u", extra: TaskListeners(("completing", "arsip"), ("complete", "lapor"))) + End(), "start -> u -> end").Start();
        h.CompleteTask("u", new { keputusan = "setuju" }, by: "ani");
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.Kind == WaitKind.UserTask && w.Triggered);
        Assert.Equal(["u"], h.Active);
        CompleteListener(h, "arsip", new { nomorArsip = 7 });
        CompleteListener(h, "lapor");
        h.AssertCompleted();
        Assert.Equal("\"setuju\"", h.VarJson("keputusan"));
        Assert.Equal("7", h.VarJson("nomorArsip"));
        Assert.Equal("ani", h.Of<ElementEnded>().Single(e => e.ElementId == "u").CompletedBy);
    }

    [Fact]
    public void Listeners_of_a_multi_instance_activity_run_for_each_inner_instance()
    {
        var h = Harness.For(Start() + Task("t").Replace("/>", $">{Loop("=[1,2,3]")}<extensionElements>{Execution(("start", "per"))}</extensionElements></task>") + End(), "start -> t -> end").Start();
        Assert.Equal(3, h.State.WaitPoints.Count(w => w.JobType == "per"));
        foreach (var wait in h.State.WaitPoints.Where(w => w.JobType == "per").ToList())
            h.Handle(new JobCompleted(wait.Id));
        h.AssertCompleted();
    }

    [Fact]
    public void Cancelling_while_a_listener_runs_withdraws_its_job()
    {
        var h = Harness.For(Start() + User("u", extra: Execution(("start", "lama"))) + End(), "start -> u -> end").Start();
        h.Handle(new CancelInstance("batal"));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.Kind == WaitKind.Job && !w.Triggered);
        Assert.Empty(h.Of<UserTaskCreated>());
    }

    [Fact]
    public void Listeners_run_on_subprocesses_and_events()
    {
        var inner = Start("si") + Throw("milestone").Replace("/>", $"><extensionElements>{Execution(("start", "m"))}</extensionElements></intermediateThrowEvent>") + End("se");
        var h = Harness.For(Start() + Sub("sub", inner, Execution(("start", "masuk"), ("end", "keluar"))) + End(), "start -> sub -> end; si -> milestone -> se").Start();
        CompleteListener(h, "masuk");
        CompleteListener(h, "m");
        Assert.Equal(["masuk", "m", "keluar"], JobTypes(h));
        CompleteListener(h, "keluar");
        h.AssertCompleted();
    }

    private static IReadOnlyList<ValidationProblem> Check(string elements, string flows) => BpmnValidator.Validate(Parse(elements, flows));

    [Theory]
    [InlineData("""<zeebe:executionListeners><zeebe:executionListener eventType="middle" type="x"/></zeebe:executionListeners>""", "listener-event-unknown")]
    [InlineData("""<zeebe:executionListeners><zeebe:executionListener eventType="start"/></zeebe:executionListeners>""", "listener-without-type")]
    [InlineData("""<zeebe:executionListeners><zeebe:executionListener eventType="start" type="x" retries="banyak"/></zeebe:executionListeners>""", "listener-retries-invalid")]
    [InlineData("""<zeebe:taskListeners><zeebe:taskListener eventType="updating" type="x"/></zeebe:taskListeners>""", "task-listener-event-unsupported")]
    public void A_listener_the_engine_cannot_run_is_refused_on_its_element(string extension, string code)
    {
        var problems = Check(Start() + User("u", extra: extension) + End(), "start -> u -> end");
        Assert.Contains(problems, p => p.ElementId == "u" && p.Code == code && p.Severity == Severity.Error);
    }

    [Fact]
    public void Listeners_are_refused_where_they_cannot_run_and_allowed_where_they_can()
    {
        var ok = Check(Start() + User("u", extra: Execution(("start", "a"), ("end", "b")) + TaskListeners(("creating", "c"), ("completing", "d"))) + End(), "start -> u -> end");
        Assert.True(BpmnValidator.IsValid(ok), string.Join("\n", ok));
        Assert.Contains(Check(Start() + Service("s", extra: TaskListeners(("creating", "c"))) + End(), "start -> s -> end"), p => p.Code == "listener-not-allowed-here");
        Assert.Contains(Check(Start() + Xor("gw").Replace("/>", $"><extensionElements>{Execution(("end", "x"))}</extensionElements></exclusiveGateway>") + End(), "start -> gw -> end"),
            p => p.Code == "listener-not-allowed-here" && p.ElementId == "gw");
        var boundary = $"""<boundaryEvent id="b" attachedToRef="s"><extensionElements>{Execution(("start", "x"))}</extensionElements><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>""";
        Assert.Contains(Check(Start() + Service("s") + boundary + End() + End("e2"), "start -> s -> end; b -> e2"), p => p.Code == "listener-not-allowed-here" && p.ElementId == "b");
    }
}
