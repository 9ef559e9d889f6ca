using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class MultiInstanceTests
{
    private static readonly object Applicants = new { applicants = new[] { "ani", "budi", "citra" } };

    [Fact]
    public void Parallel_multi_instance_creates_one_inner_instance_per_element_with_locals()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant")) + End(), "start -> score -> end").Start(Applicants);
        var jobs = h.Of<JobCreated>().ToList();
        Assert.Equal(3, jobs.Count);
        Assert.Equal(["\"ani\"", "\"budi\"", "\"citra\""], jobs.Select(j => j.Variables["applicant"]!.ToJsonString()));
        Assert.Equal(["1", "2", "3"], jobs.Select(j => j.Variables["loopCounter"]!.ToJsonString()));
        foreach (var job in jobs)
            h.Handle(new JobCompleted(job.WaitId));
        h.AssertCompleted();
        Assert.Null(h.Var("applicant"));
    }

    [Fact]
    public void Sequential_multi_instance_runs_one_after_another()
    {
        var h = Harness.For(Start() + User("sign", inner: Loop("=applicants", "applicant", sequential: true)) + End(), "start -> sign -> end").Start(Applicants);
        for (var i = 0; i < 3; i++)
        {
            Assert.Single(h.Waits("sign"));
            h.CompleteTask("sign");
        }
        h.AssertCompleted();
        Assert.Equal(3, h.Of<UserTaskCreated>().Count());
    }

    [Fact]
    public void Output_collection_gathers_each_output_element_in_input_order()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant", outputCollection: "scores", outputElement: "=score")) + End(),
            "start -> score -> end").Start(Applicants);
        var jobs = h.Of<JobCreated>().ToList();
        // complete out of order: results still land at their index
        h.Handle(new JobCompleted(jobs[2].WaitId, Harness.Vars(new { score = 3 })));
        h.Handle(new JobCompleted(jobs[0].WaitId, Harness.Vars(new { score = 1 })));
        h.Handle(new JobCompleted(jobs[1].WaitId, Harness.Vars(new { score = 2 })));
        h.AssertCompleted();
        Assert.Equal("[1,2,3]", h.VarJson("scores"));
    }

    [Fact]
    public void Empty_input_collection_completes_the_body_at_once_with_an_empty_output()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant", outputCollection: "scores", outputElement: "=score")) + End(),
            "start -> score -> end").Start(new { applicants = Array.Empty<string>() });
        h.AssertCompleted();
        Assert.Empty(h.Of<JobCreated>());
        Assert.Equal("[]", h.VarJson("scores"));
    }

    [Fact]
    public void Input_collection_that_is_not_a_list_is_an_incident()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant")) + End(), "start -> score -> end").Start(new { applicants = "nope" });
        Assert.Contains("not a list", Assert.Single(h.State.Incidents).Message);
        h.Handle(new SetVariables(Harness.Vars(new { applicants = new[] { "x" } })!));
        h.Handle(new RetryIncident(h.State.Incidents[0].Id));
        Assert.Single(h.Of<JobCreated>());
    }

    [Fact]
    public void Multi_instance_subprocess_gives_each_inner_instance_its_own_scope()
    {
        var h = Harness.For(Start() + Sub("each", Start("s1") + Service("t") + End("e1"), "") .Replace("</subProcess>", Loop("=applicants", "applicant") + "</subProcess>") + End(),
            "start -> each -> end; s1 -> t -> e1").Start(Applicants);
        var jobs = h.Of<JobCreated>().ToList();
        Assert.Equal(3, jobs.Count);
        Assert.Equal(["\"ani\"", "\"budi\"", "\"citra\""], jobs.Select(j => j.Variables["applicant"]!.ToJsonString()));
        foreach (var job in jobs)
            h.Handle(new JobCompleted(job.WaitId));
        h.AssertCompleted();
    }

    [Fact]
    public void Multi_instance_call_activity_starts_one_child_per_element()
    {
        var h = Harness.For(Start() + Call("call", "onboard").Replace("</callActivity>", Loop("=applicants", "applicant", outputCollection: "results", outputElement: "=result") + "</callActivity>") + End(),
            "start -> call -> end").Start(Applicants);
        var children = h.Of<ChildInstanceRequested>().ToList();
        Assert.Equal(3, children.Count);
        Assert.Equal("\"budi\"", children[1].Variables["applicant"]!.ToJsonString());
        foreach (var (c, i) in children.Select((c, i) => (c, i)))
            h.Handle(new ChildCompleted(c.WaitId, Harness.Vars(new { result = i })));
        h.AssertCompleted();
        Assert.Equal("[0,1,2]", h.VarJson("results"));
    }

    [Fact]
    public void Error_in_one_inner_instance_caught_on_the_body_ends_all_of_them()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant")) + BoundaryError("err", "score") + User("handle") + End(),
            "start -> score -> end; err -> handle").Start(Applicants);
        h.Handle(new JobThrewError(h.Waits("score").First().Id, "BAD"));
        Assert.Equal(["handle"], h.Active);
        Assert.Equal(2, h.Of<WaitPointClosed>().Count(w => w.Kind == WaitKind.Job && !w.Triggered));
    }

    // issue 16: a parallel body whose inner activity completes at once stopped after the first item ([10,null,null])
    [Theory]
    [InlineData("script")]
    [InlineData("task")]
    [InlineData("manualTask")]
    public void Parallel_multi_instance_over_an_instant_activity_runs_every_item(string kind)
    {
        var loop = Loop("=items", "item", outputCollection: "results", outputElement: kind == "script" ? "=r" : "=item * 10");
        var inner = kind == "script"
            ? Script("each", "=item * 10", "r").Replace("</scriptTask>", loop + "</scriptTask>")
            : $"""<{kind} id="each">{loop}</{kind}>""";
        var h = Harness.For(Start() + inner + End(), "start -> each -> end").Start(new { items = new[] { 1, 2, 3 } });
        h.AssertCompleted();
        Assert.Equal("[10,20,30]", h.VarJson("results"));
        Assert.Equal(3, h.Of<ElementEnded>().Count(e => e.ElementId == "each" && e.ElementType != "multiInstanceBody" && !e.Terminated));
    }

    [Fact]
    public void Parallel_multi_instance_subprocess_over_an_instant_activity_runs_every_item()
    {
        // the output element's variable r is a null local of each inner subprocess (as Zeebe), so the three results never share one variable
        var h = Harness.For(Start() + Sub("each", Start("s1") + Script("calc", "=item * 10", "r") + End("e1")).Replace("</subProcess>",
                Loop("=items", "item", outputCollection: "results", outputElement: "=r") + "</subProcess>") + End(),
            "start -> each -> end; s1 -> calc -> e1").Start(new { items = new[] { 1, 2, 3 } });
        h.AssertCompleted();
        Assert.Equal("[10,20,30]", h.VarJson("results"));
        Assert.Equal(3, h.Ended.Count(e => e == "calc"));
    }

    [Fact]
    public void Parallel_inner_jobs_completed_with_the_output_variable_each_keep_their_own()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant", outputCollection: "scores", outputElement: "=score")) + End(),
            "start -> score -> end").Start(Applicants);
        var jobs = h.Of<JobCreated>().ToList();
        Assert.All(jobs, j => Assert.True(j.Variables.ContainsKey("score")));
        h.Handle(new JobCompleted(jobs[1].WaitId, Harness.Vars(new { score = 2 })));
        h.Handle(new JobCompleted(jobs[0].WaitId, Harness.Vars(new { score = 1 })));
        h.Handle(new JobCompleted(jobs[2].WaitId, Harness.Vars(new { score = 3 })));
        h.AssertCompleted();
        Assert.Equal("[1,2,3]", h.VarJson("scores"));
        Assert.Null(h.Var("score")); // the results stayed local to their inner instances
    }

    [Fact]
    public void Multi_instance_inner_instances_are_in_history_under_the_body()
    {
        var h = Harness.For(Start() + Service("score", "rank", inner: Loop("=applicants", "applicant")) + End(), "start -> score -> end").Start(Applicants);
        Assert.Single(h.Of<ElementStarted>(), e => e.ElementType == "multiInstanceBody");
        Assert.Equal(3, h.Of<ElementStarted>().Count(e => e.ElementType == "serviceTask"));
        Assert.All(h.State.Elements.Where(e => e.LoopCounter is not null), e => Assert.Equal(ElementInstanceKind.Element, e.Kind));
    }
}

public class MultiInstanceCompletionConditionTests
{
    [Fact]
    public void Completion_condition_ends_the_remaining_inner_instances()
    {
        var loop = Loop("=approvers", "approver").Replace("</multiInstanceLoopCharacteristics>", "<completionCondition>=rejected = true</completionCondition></multiInstanceLoopCharacteristics>");
        var h = Harness.For(Start() + User("approve", "=approver", inner: loop) + End(), "start -> approve -> end").Start(new { approvers = new[] { "a", "b", "c" }, rejected = false });
        h.Handle(new UserTaskCompleted(h.Waits("approve").First().Id, "a", Harness.Vars(new { rejected = false })));
        Assert.Equal(2, h.Waits("approve").Count());
        h.Handle(new UserTaskCompleted(h.Waits("approve").First().Id, "b", Harness.Vars(new { rejected = true })));
        h.AssertCompleted();
        Assert.Single(h.Of<WaitPointClosed>(), w => w.ElementId == "approve" && !w.Triggered);
    }

    [Fact]
    public void Completion_condition_can_count_completed_instances()
    {
        var loop = Loop("=approvers", "approver", sequential: true).Replace("</multiInstanceLoopCharacteristics>", "<completionCondition>=numberOfCompletedInstances >= 2</completionCondition></multiInstanceLoopCharacteristics>");
        var h = Harness.For(Start() + User("approve", "=approver", inner: loop) + End(), "start -> approve -> end").Start(new { approvers = new[] { "a", "b", "c" } });
        h.CompleteTask("approve").CompleteTask("approve");
        h.AssertCompleted();
        Assert.Equal(2, h.Of<UserTaskCreated>().Count());
    }
}
