using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class TaskTests
{
    [Fact]
    public void Service_task_creates_a_job_and_waits_for_completion()
    {
        var h = Harness.For(Start() + Service("calc", "rank", "<zeebe:taskHeaders><zeebe:header key=\"template\" value=\"t1\"/></zeebe:taskHeaders>") + End(),
            "start -> calc -> end").Start(new { n = 1 });
        var job = h.Of<JobCreated>().Single();
        Assert.Equal(("rank", 3, "t1"), (job.Type, job.Retries, job.Headers["template"]));
        Assert.Equal("1", job.Variables["n"]!.ToJsonString());
        h.CompleteJob("calc", new { score = 90 });
        h.AssertCompleted();
        Assert.Equal("90", h.VarJson("score"));
    }

    [Theory]
    [InlineData("sendTask")]
    [InlineData("businessRuleTask")]
    [InlineData("scriptTask")]
    public void Send_business_rule_and_script_tasks_with_a_job_type_create_jobs(string type)
    {
        var h = Harness.For(Start() + $"""<{type} id="t"><extensionElements><zeebe:taskDefinition type="email"/></extensionElements></{type}>""" + End(), "start -> t -> end").Start();
        Assert.Equal("email", h.Of<JobCreated>().Single().Type);
        h.CompleteJob("t").AssertCompleted();
    }

    [Fact]
    public void User_task_is_created_with_assignee_candidates_dates_and_form()
    {
        var h = Harness.For(Start() + """
            <userTask id="review" name="Review">
              <extensionElements>
                <zeebe:userTask/>
                <zeebe:assignmentDefinition assignee="ani" candidateGroups="hr-staff, hr-head" candidateUsers="budi"/>
                <zeebe:taskSchedule dueDate="2026-03-10T17:00:00+08:00" followUpDate="2026-03-09T09:00:00+08:00"/>
                <zeebe:formDefinition formId="review-form"/>
              </extensionElements>
            </userTask>
            """ + End(), "start -> review -> end").Start();
        var task = h.Of<UserTaskCreated>().Single();
        Assert.Equal(("Review", "ani", "review-form"), (task.Name, task.Assignee, task.FormId));
        Assert.Equal(["hr-staff", "hr-head"], task.CandidateGroups);
        Assert.Equal(["budi"], task.CandidateUsers);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), task.DueAt);
        Assert.NotNull(task.FollowUpAt);
    }

    [Fact]
    public void User_task_completion_records_who_completed_it_and_the_variables()
    {
        var h = Harness.For(Start() + User("review") + End(), "start -> review -> end").Start();
        h.CompleteTask("review", new { approved = true }, by: "ani");
        h.AssertCompleted();
        var ended = h.Of<ElementEnded>().Single(e => e.ElementId == "review");
        Assert.Equal("ani", ended.CompletedBy);
        Assert.Equal("true", ended.VariablesSet!["approved"]!.ToJsonString());
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "review" && w.Triggered);
    }

    [Fact]
    public void Undefined_and_manual_tasks_pass_through()
    {
        var h = Harness.For(Start() + Task("t") + """<manualTask id="m"/>""" + End(), "start -> t -> m -> end").Start();
        h.AssertCompleted();
    }

    [Fact]
    public void Job_failure_with_retries_left_reschedules_the_job_after_the_backoff()
    {
        var h = Harness.For(Start() + Service("calc") + End(), "start -> calc -> end").Start();
        var wait = h.Wait("calc").Id;
        h.Handle(new JobFailed(wait, "timeout", 2, TimeSpan.FromSeconds(30)));
        var retry = h.Of<JobCreated>().Last();
        Assert.Equal((wait, 2, h.Clock.Now.AddSeconds(30)), (retry.WaitId, retry.Retries, retry.NotBefore!.Value));
        Assert.Empty(h.State.Incidents);
    }

    [Fact]
    public void Job_failure_without_retries_raises_an_incident_and_retry_recreates_the_job()
    {
        var h = Harness.For(Start() + Service("calc") + End(), "start -> calc -> end").Start();
        var wait = h.Wait("calc").Id;
        h.Handle(new JobFailed(wait, "SMTP down", 0));
        var incident = Assert.Single(h.State.Incidents);
        Assert.Contains("SMTP down", incident.Message);
        Assert.True(h.State.HasIncident);
        h.Handle(new RetryIncident(incident.Id));
        Assert.Empty(h.State.Incidents);
        Assert.Equal(2, h.Of<JobCreated>().Count());
        Assert.Single(h.Of<IncidentResolved>());
        h.CompleteJob("calc").AssertCompleted();
    }

    [Fact]
    public void Completing_a_wait_point_twice_is_a_clear_no_op()
    {
        var h = Harness.For(Start() + Service("calc") + User("next"), "start -> calc -> next").Start();
        var wait = h.Wait("calc").Id;
        h.CompleteJob("calc");
        var again = h.Handle(new JobCompleted(wait));
        Assert.True(again.WasIgnored);
        Assert.Contains("no longer exists", again.Ignored);
        Assert.Empty(again.Effects);
    }

    [Fact]
    public void A_trigger_of_the_wrong_kind_for_a_wait_point_is_ignored()
    {
        var h = Harness.For(Start() + User("a"), "start -> a").Start();
        var r = h.Handle(new TimerFired(h.Wait("a").Id));
        Assert.True(r.WasIgnored);
        Assert.Equal(["a"], h.Active);
    }

    [Fact]
    public void The_input_state_is_never_modified_by_a_step()
    {
        var h = Harness.For(Start() + User("a") + End(), "start -> a -> end").Start();
        var before = h.State;
        var json = before.ToJson();
        h.CompleteTask("a");
        Assert.Equal(json, before.ToJson());
    }

    [Fact]
    public void Steps_are_deterministic_for_the_same_state_trigger_and_clock()
    {
        var a = Harness.For(Start() + User("a") + Service("b") + End(), "start -> a -> b -> end").Start().CompleteTask("a", new { x = 1 });
        var b = Harness.For(Start() + User("a") + Service("b") + End(), "start -> a -> b -> end").Start().CompleteTask("a", new { x = 1 });
        Assert.Equal(a.State.ToJson(), b.State.ToJson());
        Assert.Equal(a.Effects.Count, b.Effects.Count);
    }

    [Fact]
    public void Cancel_withdraws_every_wait_point_and_ends_the_instance()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + Service("b") + CatchTimer("t", "P1D"), "start -> fork -> a; fork -> b; fork -> t").Start();
        h.Handle(new CancelInstance("withdrawn by applicant"));
        Assert.Equal(InstanceStatus.Cancelled, h.State.Status);
        Assert.Equal(3, h.Of<WaitPointClosed>().Count(w => !w.Triggered));
        Assert.Equal("withdrawn by applicant", h.Of<InstanceCancelled>().Single().Reason);
        Assert.True(h.Handle(new CancelInstance()).WasIgnored);
    }
}
