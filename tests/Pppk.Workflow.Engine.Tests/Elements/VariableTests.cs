using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class VariableTests
{
    [Fact]
    public void Input_mappings_create_locals_of_the_task_visible_to_its_job_but_not_to_the_process()
    {
        var h = Harness.For(Start() + Service("t", "calc", Io(("input", "=amount * 2", "doubled"))) + End(), "start -> t -> end").Start(new { amount = 21 });
        Assert.Equal("42", h.Of<JobCreated>().Single().Variables["doubled"]!.ToJsonString());
        h.CompleteJob("t").AssertCompleted();
        Assert.Null(h.Var("doubled"));
    }

    [Fact]
    public void Output_mappings_write_only_the_mapped_variables_to_the_parent_scope()
    {
        var h = Harness.For(Start() + Service("t", "calc", Io(("output", "=result.total", "total"))) + End(), "start -> t -> end").Start();
        h.CompleteJob("t", new { result = new { total = 7 }, noise = 1 });
        Assert.Equal("7", h.VarJson("total"));
        Assert.Null(h.Var("noise"));
        Assert.Null(h.Var("result"));
    }

    [Fact]
    public void Output_mapping_target_path_sets_a_nested_context()
    {
        var h = Harness.For(Start() + Service("t", "calc", Io(("output", "=90", "scores.cat"))) + End(), "start -> t -> end").Start();
        h.CompleteJob("t");
        Assert.Equal("{\"cat\":90}", h.VarJson("scores"));
    }

    [Fact]
    public void Completion_variables_without_output_mappings_update_the_nearest_scope_that_has_the_name()
    {
        var h = Harness.For(Start() + Sub("sub", Start("s1") + Service("t") + End("e1"), Io(("input", "=0", "local"))) + User("after"),
            "start -> sub -> after; s1 -> t -> e1").Start();
        h.CompleteJob("t", new { local = 5, global = 6 });
        Assert.Null(h.Var("local"));
        Assert.Equal("6", h.VarJson("global"));
    }

    [Fact]
    public void Completion_variables_update_an_existing_instance_variable()
    {
        var h = Harness.For(Start() + User("t") + End(), "start -> t -> end").Start(new { status = "new" });
        h.CompleteTask("t", new { status = "approved" });
        Assert.Equal("\"approved\"", h.VarJson("status"));
    }

    [Fact]
    public void Script_task_evaluates_its_expression_inline_and_stores_the_result()
    {
        var h = Harness.For(Start() + Script("calc", "=sum(scores) / count(scores)", "average") + End(), "start -> calc -> end").Start(new { scores = new[] { 80, 90, 100 } });
        h.AssertCompleted();
        Assert.Equal("90", h.VarJson("average"));
    }

    [Fact]
    public void Script_task_with_output_mapping_keeps_the_result_local()
    {
        var h = Harness.For(Start() + """<scriptTask id="s"><extensionElements><zeebe:script expression="=1 + 1" resultVariable="r"/><zeebe:ioMapping><zeebe:output source="=r * 10" target="final"/></zeebe:ioMapping></extensionElements></scriptTask>""" + End(),
            "start -> s -> end").Start();
        Assert.Equal("20", h.VarJson("final"));
        Assert.Null(h.Var("r"));
    }

    [Fact]
    public void Assignee_expression_is_evaluated_on_entry()
    {
        var h = Harness.For(Start() + User("t", "=reviewer", "<zeebe:assignmentDefinition assignee=\"=reviewer\" candidateGroups=\"=[unit, &quot;hr-head&quot;]\"/>") + End(),
            "start -> t -> end");
        // the second assignmentDefinition is ignored; the first wins as in a modeler file there is one
        h.Start(new { reviewer = "ani", unit = "hr-bkpsdm" });
        Assert.Equal("ani", h.Of<UserTaskCreated>().Single().Assignee);
    }

    [Fact]
    public void Candidate_group_list_and_due_date_expressions()
    {
        var h = Harness.For(Start() + """
            <userTask id="t"><extensionElements><zeebe:userTask/>
              <zeebe:assignmentDefinition candidateGroups="=[unit, &quot;hr-head&quot;]"/>
              <zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)"/>
            </extensionElements></userTask>
            """ + End(), "start -> t -> end").Start(new { unit = "hr-bkpsdm" });
        var task = h.Of<UserTaskCreated>().Single();
        Assert.Equal(["hr-bkpsdm", "hr-head"], task.CandidateGroups);
        Assert.Equal(h.Clock.Now.AddDays(3), task.DueAt);
    }

    [Fact]
    public void A_failing_input_mapping_raises_an_incident_that_names_the_mapping()
    {
        var h = Harness.For(Start() + Service("t", "calc", Io(("input", "=date(\"not a date\")", "d"))) + End(), "start -> t -> end").Start();
        // FEEL gives null for bad values, so the job still starts with d = null
        Assert.Single(h.Of<JobCreated>());
    }

    [Fact]
    public void Set_variables_trigger_updates_the_instance_and_is_recorded()
    {
        var h = Harness.For(Start() + User("t"), "start -> t").Start();
        h.Handle(new SetVariables(Harness.Vars(new { fixedValue = 3 })!));
        Assert.Equal("3", h.VarJson("fixedValue"));
        Assert.Single(h.Of<VariablesChanged>());
    }

    [Fact]
    public void Timer_duration_from_an_expression()
    {
        var h = Harness.For(Start() + CatchTimer("wait", "=duration(\"PT\" + string(minutes) + \"M\")") + End(), "start -> wait -> end").Start(new { minutes = 15 });
        Assert.Equal(h.Clock.Now.AddMinutes(15), h.Of<TimerScheduled>().Single().DueAt);
    }

    [Fact]
    public void Message_correlation_key_from_a_number_is_text()
    {
        var h = Harness.For(Start() + Receive("r", "m") + End(), "start -> r -> end", Message("m", "paid", "=invoice")).Start(new { invoice = 42 });
        Assert.Equal("42", h.Of<MessageSubscriptionOpened>().Single().CorrelationKey);
    }
}
