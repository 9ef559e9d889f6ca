using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

/// <summary>Element types are resolved once by the parser, and each finds the behaviour that owns it.</summary>
public class ElementTypeTests
{
    private static ProcessModel EveryKind() => Bpmn.Model(
        Start() + User("u") + Service("s") + Script("inline", "=1", "r") + """<scriptTask id="jobScript"><extensionElements><zeebe:taskDefinition type="run"/></extensionElements></scriptTask>"""
        + Receive("rcv", "msg") + CatchMessage("cm", "msg") + CatchTimer("ct", "PT1M") + Throw("thr") + Task("t") + """<manualTask id="man"/>"""
        + Xor("x") + And("a") + EventGateway("eg") + Sub("sub", Start("s1") + End("e1")) + Call("call", "child")
        + BoundaryTimer("bt", "u", "PT5M") + Terminate("term") + ErrorEnd("err", "E") + End(),
        "start -> u -> s -> inline -> jobScript -> rcv -> thr -> t -> man -> x -> a -> sub -> call -> eg; eg -> cm -> term; eg -> ct -> err; bt -> end",
        Message("msg", "m", "=k") + Error("E", "E1"));

    [Fact]
    public void Every_element_type_has_exactly_one_bpmn_local_name()
    {
        var mapped = BpmnNames.FlowNodeTypes.Values.ToList();
        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Equal(Enum.GetValues<ElementType>().Order(), mapped.Order());
    }

    [Fact]
    public void The_parser_resolves_each_node_type_from_its_local_name()
    {
        var nodes = EveryKind().Process.AllNodes.Values.ToList();
        Assert.All(nodes, n => Assert.Equal(BpmnNames.FlowNodeTypes[n.Type], n.ElementType));
        var byId = nodes.ToDictionary(n => n.Id);
        Assert.Equal(ElementType.UserTask, byId["u"].ElementType);
        Assert.Equal(ElementType.EventBasedGateway, byId["eg"].ElementType);
        Assert.Equal(ElementType.BoundaryEvent, byId["bt"].ElementType);
        Assert.Equal("intermediateCatchEvent", byId["ct"].Type); // the local name stays what history shows
    }

    [Theory]
    [InlineData("start", typeof(PassThroughBehavior))]
    [InlineData("u", typeof(UserTaskBehavior))]
    [InlineData("s", typeof(JobTaskBehavior))]
    [InlineData("inline", typeof(ScriptTaskBehavior))]
    [InlineData("jobScript", typeof(JobTaskBehavior))]
    [InlineData("rcv", typeof(MessageCatchBehavior))]
    [InlineData("cm", typeof(MessageCatchBehavior))]
    [InlineData("ct", typeof(TimerCatchBehavior))]
    [InlineData("thr", typeof(PassThroughBehavior))]
    [InlineData("man", typeof(PassThroughBehavior))]
    [InlineData("x", typeof(ExclusiveGatewayBehavior))]
    [InlineData("a", typeof(ParallelGatewayBehavior))]
    [InlineData("eg", typeof(EventBasedGatewayBehavior))]
    [InlineData("sub", typeof(SubProcessBehavior))]
    [InlineData("call", typeof(CallActivityBehavior))]
    [InlineData("bt", typeof(BoundaryEventBehavior))]
    [InlineData("term", typeof(TerminateEndEventBehavior))]
    [InlineData("err", typeof(ErrorEndEventBehavior))]
    [InlineData("end", typeof(PassThroughBehavior))]
    public void Each_element_finds_the_behaviour_that_owns_it(string id, Type behaviour) =>
        Assert.IsType(behaviour, ElementBehaviors.For(EveryKind().Node(id)));

    [Fact]
    public void A_trigger_reaching_an_element_that_never_waits_is_a_bug_not_a_silent_completion()
    {
        var model = EveryKind();
        var clock = new FakeTimeProvider();
        var state = new InstanceState { ProcessId = model.Id };
        var context = new StepContext(model, state, clock.GetUtcNow(), new ExpressionEvaluator(model.Expressions, FeelSetup.Environment(clock)), TimeZoneInfo.Utc);
        var instance = new ElementInstance { Key = 1, ElementId = "x", Kind = ElementInstanceKind.Element };
        var wait = new WaitPoint { Id = 2, Kind = WaitKind.Timer, ElementInstanceKey = 1, ElementId = "x" };
        IElementBehavior gateway = ExclusiveGatewayBehavior.Instance;

        var error = Assert.Throws<InvalidOperationException>(() => gateway.OnTrigger(context, instance, model.Node("x"), wait, new TimerFired(2)));
        Assert.Contains("TimerFired", error.Message);
        Assert.Empty(context.Effects);
    }
}
