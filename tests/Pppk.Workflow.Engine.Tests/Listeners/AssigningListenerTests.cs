using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Listeners;

/// <summary>Assigning task listeners: jobs run beside the open task after each change of its assignee (Camunda 8.8's <c>assigning</c>).</summary>
public class AssigningListenerTests
{
    private static string Assigning(params string[] types) =>
        "<zeebe:taskListeners>" + string.Concat(types.Select(t => $"""<zeebe:taskListener eventType="assigning" type="{t}" retries="1"/>""")) + "</zeebe:taskListeners>";

    private static WaitPoint Task(Harness h) => h.State.WaitPoints.Single(w => w.Kind == WaitKind.UserTask);

    private static WaitPoint Listener(Harness h, string type) => h.State.WaitPoints.Single(w => w.JobType == type);

    [Fact]
    public void A_task_created_with_an_assignee_runs_its_assigning_listeners_in_order_beside_the_open_task()
    {
        var h = Harness.For(Start() + User("u", "=petugas", Assigning("kabari", "catat")) + End(), "start -> u -> end").Start(new { petugas = "budi" });
        Assert.Equal("budi", h.Of<UserTaskCreated>().Single().Assignee); // the task is open at once
        var job = h.Of<JobCreated>().Single();
        Assert.Equal("kabari", job.Type);
        Assert.Equal("assigning", job.Headers["pppk.listener"]);
        Assert.Equal("budi", job.Headers["pppk.assignee"]);
        Assert.Equal("budi", (string?)job.Variables["petugas"]);

        h.Handle(new JobCompleted(Listener(h, "kabari").Id, Harness.Vars(new { dikabari = true })));
        Assert.Equal(["kabari", "catat"], h.Of<JobCreated>().Select(j => j.Type));
        h.Handle(new JobCompleted(Listener(h, "catat").Id));
        Assert.Equal(WaitKind.UserTask, Assert.Single(h.State.WaitPoints).Kind);
        Assert.Equal(["u"], h.Active);

        h.Handle(new UserTaskCompleted(Task(h).Id, "budi"));
        h.AssertCompleted();
    }

    [Fact]
    public void A_task_created_without_an_assignee_runs_them_only_when_it_is_assigned()
    {
        var h = Harness.For(Start() + User("u", "", Assigning("kabari")) + End(), "start -> u -> end").Start();
        Assert.Empty(h.Of<JobCreated>());
        h.Handle(new TaskAssigned(Task(h).Id, "ani"));
        Assert.Equal("ani", h.Of<JobCreated>().Single().Headers["pppk.assignee"]);

        // Released: the listeners run again, with no assignee header.
        h.Handle(new JobCompleted(Listener(h, "kabari").Id));
        h.Handle(new TaskAssigned(Task(h).Id, null));
        Assert.False(h.Of<JobCreated>().Last().Headers.ContainsKey("pppk.assignee"));
    }

    [Fact]
    public void A_new_assignment_withdraws_the_listeners_of_the_one_before_and_completing_the_task_withdraws_them_too()
    {
        var h = Harness.For(Start() + User("u", "", Assigning("kabari")) + End(), "start -> u -> end").Start();
        h.Handle(new TaskAssigned(Task(h).Id, "ani"));
        var first = Listener(h, "kabari");
        h.Handle(new TaskAssigned(Task(h).Id, "budi"));
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.WaitId == first.Id && !w.Triggered);
        Assert.Equal("budi", h.Of<JobCreated>().Last().Headers["pppk.assignee"]);
        Assert.True(h.Handle(new JobCompleted(first.Id)).WasIgnored); // the withdrawn job's late report changes nothing

        h.Handle(new UserTaskCompleted(Task(h).Id, "budi"));
        h.AssertCompleted();
        Assert.Empty(h.State.WaitPoints);
    }

    [Fact]
    public void A_failing_assigning_listener_is_an_incident_on_the_open_task_that_retry_runs_again()
    {
        var h = Harness.For(Start() + User("u", "", Assigning("kabari")) + End(), "start -> u -> end").Start();
        h.Handle(new TaskAssigned(Task(h).Id, "ani"));
        h.Handle(new JobFailed(Listener(h, "kabari").Id, "mail down", 0));
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal(IncidentKind.Job, incident.Kind);
        Assert.Equal("u", incident.ElementId);
        Assert.NotNull(Task(h)); // the task stays open

        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal("ani", h.Of<JobCreated>().Last().Headers["pppk.assignee"]);
        h.Handle(new JobCompleted(Listener(h, "kabari").Id));
        Assert.Empty(h.State.Incidents);
        h.Handle(new UserTaskCompleted(Task(h).Id, "ani"));
        h.AssertCompleted();
    }

    [Fact]
    public void An_assignment_of_a_task_without_assigning_listeners_changes_nothing()
    {
        var h = Harness.For(Start() + User("u", "") + End(), "start -> u -> end").Start();
        Assert.True(h.Handle(new TaskAssigned(Task(h).Id, "ani")).WasIgnored);
    }

    [Theory]
    [InlineData("assigning", true)]
    [InlineData("assignment", true)]
    [InlineData("updating", false)]
    [InlineData("canceling", false)]
    public void Assigning_listeners_deploy_and_updating_and_canceling_are_still_refused(string eventType, bool valid)
    {
        var extension = $"""<zeebe:taskListeners><zeebe:taskListener eventType="{eventType}" type="x"/></zeebe:taskListeners>""";
        var problems = BpmnValidator.Validate(Parse(Start() + User("u", extra: extension) + End(), "start -> u -> end"));
        Assert.Equal(valid, BpmnValidator.IsValid(problems));
        if (!valid)
            Assert.Contains(problems, p => p.ElementId == "u" && p.Code == "task-listener-event-unsupported");
    }

    [Fact]
    public void The_designer_lint_passes_the_task_listener_events_the_engine_runs_and_flags_the_others()
    {
        var rules = File.ReadAllText(Path.Combine(Corpus.RepositoryRoot(), "src", "Pppk.Workflow.Web", "src", "designer", "lint", "rules.js"));
        var line = rules.Split('\n').Single(l => l.StartsWith("const TASK_EVENTS", StringComparison.Ordinal));
        foreach (var run in new[] { "creating", "create", "assigning", "assignment", "completing", "complete" })
            Assert.Contains($"'{run}'", line);
        foreach (var refused in new[] { "updating", "canceling" })
            Assert.DoesNotContain($"'{refused}'", line);
    }
}
