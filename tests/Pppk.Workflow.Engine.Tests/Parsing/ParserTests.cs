using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Parsing;

public class ParserTests
{
    [Fact]
    public void Reads_zeebe_task_definition_headers_and_io_mappings()
    {
        var d = Parse(Start() + Service("t", "email", "<zeebe:taskHeaders><zeebe:header key=\"template\" value=\"welcome\"/></zeebe:taskHeaders>" + Io(("input", "=a", "b"), ("output", "=c", "d"))) + End(), "start -> t -> end");
        var t = d.Processes[0].AllNodes["t"];
        Assert.Equal(new TaskDefinition("email", "3"), t.TaskDefinition);
        Assert.Equal("welcome", t.Headers["template"]);
        Assert.Equal([new IoMapping("=a", "b")], t.Inputs);
        Assert.Equal([new IoMapping("=c", "d")], t.Outputs);
    }

    [Fact]
    public void Reads_user_task_assignment_schedule_and_form()
    {
        var d = Parse(Start() + """
            <userTask id="u"><extensionElements><zeebe:userTask/>
              <zeebe:assignmentDefinition assignee="=a" candidateGroups="g1,g2" candidateUsers="u1"/>
              <zeebe:taskSchedule dueDate="=d" followUpDate="=f"/><zeebe:formDefinition formId="form-1"/>
            </extensionElements></userTask>
            """, "start -> u");
        Assert.Equal(new UserTaskSettings(true, "=a", "g1,g2", "u1", "=d", "=f", "form-1", null), d.Processes[0].AllNodes["u"].UserTask);
    }

    [Fact]
    public void Reads_called_element_script_and_loop_characteristics()
    {
        var d = Parse(Start() + Call("c", "child", propagateChild: false).Replace("</callActivity>", Loop("=xs", "x", true, "ys", "=y") + "</callActivity>") + Script("s", "=1", "r"), "start -> c -> s");
        var c = d.Processes[0].AllNodes["c"];
        Assert.Equal(new CalledElement("child", false, true), c.CalledElement);
        Assert.Equal(new MultiInstance(true, "=xs", "x", "ys", "=y"), c.MultiInstance);
        Assert.Equal(new ScriptSettings("=1", "r"), d.Processes[0].AllNodes["s"].Script);
    }

    [Fact]
    public void Reads_messages_errors_and_timer_definitions()
    {
        var d = Parse(Start() + CatchMessage("m", "msg") + CatchTimer("t", "PT5M") + ErrorEnd("e", "err"), "start -> m -> t -> e",
            Message("msg", "paid", "=invoiceId") + Error("err", "E42"));
        var nodes = d.Processes[0].AllNodes;
        Assert.Equal(("paid", "=invoiceId"), (nodes["m"].Event!.Message!.Name, nodes["m"].Event!.Message!.CorrelationKey));
        Assert.Equal((TimerKind.Duration, "PT5M"), (nodes["t"].Event!.TimerKind!.Value, nodes["t"].Event!.TimerExpression!));
        Assert.Equal("E42", nodes["e"].Event!.Error!.ErrorCode);
    }

    [Fact]
    public void Links_flows_boundaries_and_subprocess_scopes()
    {
        var d = Parse(Start() + Sub("sub", Start("s1") + User("in") + End("e1")) + BoundaryTimer("b", "sub", "PT1M") + End(), "start -> sub -> end; s1 -> in -> e1; b -> end");
        var p = d.Processes[0];
        Assert.Equal(p.AllNodes["sub"], p.AllNodes["b"].AttachedTo);
        Assert.Single(p.AllNodes["sub"].Boundaries);
        Assert.Equal(p.AllNodes["sub"].Inner, p.AllNodes["in"].Scope);
        Assert.Equal(2, p.AllNodes["end"].Incoming.Count);
    }

    [Fact]
    public void A_file_may_hold_several_processes_and_only_executable_ones_become_models()
    {
        var xml = Xml(Start() + End(), "start -> end", moreProcesses: """<process id="doc" isExecutable="false"><startEvent id="x"/></process>""");
        var d = BpmnParser.Parse(xml);
        Assert.Equal(2, d.Processes.Count);
        Assert.Equal(["p"], ProcessModel.CreateAll(d).Select(m => m.Id));
    }

    [Fact]
    public void Bad_xml_is_a_problem_not_an_exception()
    {
        var d = BpmnParser.Parse("<definitions><process");
        Assert.Contains("not well-formed", Assert.Single(d.ParseProblems).Message);
    }

    [Fact]
    public void A_non_bpmn_root_is_reported()
    {
        var d = BpmnParser.Parse("<html/>");
        Assert.Contains("root element", Assert.Single(d.ParseProblems).Message);
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        var d = Parse(Start() + User("a") + """<userTask id="a"/>""", "start -> a");
        Assert.Contains(d.ParseProblems, p => p.ElementId == "a" && p.Message.Contains("more than one"));
    }

    [Fact]
    public void Writing_back_keeps_unknown_content()
    {
        var xml = Xml(Start() + """<task id="t"><extensionElements><vendor:thing xmlns:vendor="urn:v" a="1"/></extensionElements></task>""", "start -> t");
        var again = BpmnWriter.Write(BpmnParser.Parse(xml));
        Assert.Contains("vendor:thing", again);
        Assert.Equal(BpmnParser.Parse(xml).Processes[0].AllNodes.Keys, BpmnParser.Parse(again).Processes[0].AllNodes.Keys);
    }
}
