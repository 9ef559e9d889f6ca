using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
using static Pppk.Workflow.Engine.Tests.Support.EventBpmn;

namespace Pppk.Workflow.Engine.Tests.Events;

/// <summary>The events of this part find their behaviours (as <c>ElementTypeTests</c> checks for the others).</summary>
public class EventBehaviorTests
{
    private static ProcessModel EveryEvent() => Bpmn.Model(
        Start() + EscalationThrow("escThrow", "esc") + SignalThrow("sigThrow", "sig") + SignalCatch("sigCatch", "sig")
        + """<intermediateCatchEvent id="condCatch"><conditionalEventDefinition><condition>=x</condition></conditionalEventDefinition></intermediateCatchEvent>"""
        + User("u") + BoundarySignal("sigBoundary", "u", "sig") + EscalationEnd("escEnd", "esc") + SignalEnd("sigEnd", "sig") + End("e2")
        + Esp("esp", MessageStart("espStart", "m"), End("espEnd")),
        "start -> escThrow -> sigThrow -> sigCatch -> condCatch -> u -> escEnd; sigBoundary -> sigEnd; espStart -> espEnd",
        Escalation("esc", "E") + Signal("sig", "s") + """<message id="m" name="m"><extensionElements><zeebe:subscription correlationKey="=k"/></extensionElements></message>""");

    [Theory]
    [InlineData("escThrow", typeof(EscalationThrowBehavior))]
    [InlineData("escEnd", typeof(EscalationThrowBehavior))]
    [InlineData("sigThrow", typeof(SignalThrowBehavior))]
    [InlineData("sigEnd", typeof(SignalThrowBehavior))]
    [InlineData("sigCatch", typeof(SignalCatchBehavior))]
    [InlineData("condCatch", typeof(ConditionalCatchBehavior))]
    [InlineData("sigBoundary", typeof(BoundaryEventBehavior))]
    [InlineData("espStart", typeof(EventSubProcessStartBehavior))]
    [InlineData("esp", typeof(SubProcessBehavior))]
    [InlineData("start", typeof(PassThroughBehavior))]
    public void Each_event_finds_the_behaviour_that_owns_it(string id, Type behaviour) =>
        Assert.IsType(behaviour, ElementBehaviors.For(EveryEvent().Node(id)));

    [Fact]
    public void Only_the_start_of_an_event_subprocess_counts_as_one()
    {
        var model = EveryEvent();
        Assert.True(model.Node("espStart").IsEventSubProcessStart);
        Assert.False(model.Node("start").IsEventSubProcessStart);
        Assert.Equal(["espStart"], model.Process.EventSubProcessStarts.Select(s => s.Id));
        Assert.Same(model.Node("start"), model.NoneStartEvent);
    }
}
