using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class EventTests
{
    [Fact]
    public void None_start_to_none_end_completes_the_instance()
    {
        var h = Harness.For(Start() + End(), "start -> end").Start(new { a = 1 });
        h.AssertCompleted();
        Assert.Equal(["start", "end", "p"], h.Ended);
        Assert.Single(h.Of<InstanceCompleted>());
        Assert.Equal("1", h.VarJson("a"));
    }

    [Fact]
    public void History_records_start_and_end_of_every_element_with_its_type()
    {
        var h = Harness.For(Start() + Throw("milestone") + End(), "start -> milestone -> end").Start();
        var started = h.Of<ElementStarted>().Select(e => (e.ElementId, e.ElementType)).ToList();
        Assert.Equal([("p", "process"), ("start", "startEvent"), ("milestone", "intermediateThrowEvent"), ("end", "endEvent")], started);
    }

    [Fact]
    public void Intermediate_none_throw_event_passes_through()
    {
        var h = Harness.For(Start() + Throw("m1") + Throw("m2") + End(), "start -> m1 -> m2 -> end").Start();
        h.AssertCompleted();
    }

    [Fact]
    public void Timer_catch_waits_for_its_duration()
    {
        var h = Harness.For(Start() + CatchTimer("wait", "PT10M") + End(), "start -> wait -> end").Start();
        var timer = h.Of<TimerScheduled>().Single();
        Assert.Equal(h.Clock.Now.AddMinutes(10), timer.DueAt);
        h.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(["wait"], h.Active);
        h.Advance(TimeSpan.FromMinutes(1));
        h.AssertCompleted();
    }

    [Fact]
    public void Timer_catch_with_a_date_fires_at_that_date()
    {
        var h = Harness.For(Start() + """<intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>2026-03-05T09:00:00+08:00</timeDate></timerEventDefinition></intermediateCatchEvent>""" + End(),
            "start -> wait -> end").Start();
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero), h.Of<TimerScheduled>().Single().DueAt);
    }

    [Fact]
    public void Message_catch_opens_a_subscription_with_name_and_key_and_continues_with_its_variables()
    {
        var h = Harness.For(Start() + CatchMessage("msg", "m") + End(), "start -> msg -> end", Message("m", "paid", "INV-1")).Start();
        var sub = h.Of<MessageSubscriptionOpened>().Single();
        Assert.Equal(("paid", "INV-1"), (sub.MessageName, sub.CorrelationKey));
        h.Correlate("msg", new { amount = 5 });
        h.AssertCompleted();
        Assert.Equal("5", h.VarJson("amount"));
    }

    [Fact]
    public void Receive_task_waits_for_its_message()
    {
        var h = Harness.For(Start() + Receive("recv", "m") + End(), "start -> recv -> end", Message("m", "paid", "k")).Start();
        Assert.Equal(WaitKind.Message, h.Wait("recv").Kind);
        h.Correlate("recv");
        h.AssertCompleted();
    }

    [Fact]
    public void Message_start_event_starts_at_that_event()
    {
        var h = Harness.For("""<startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent>""" + Start() + Service("a") + Service("b") + End() + End("end2"),
            "start -> a -> end; byMessage -> b -> end2", Message("m", "go", "k")).Start(new { x = 1 }, "byMessage");
        Assert.Equal(["b"], h.Active);
        Assert.Single(h.Model.MessageStarts);
    }

    [Fact]
    public void Timer_start_event_is_listed_and_can_start_the_instance()
    {
        var h = Harness.For("""<startEvent id="daily"><timerEventDefinition><timeCycle>0 0 9 * * MON-FRI</timeCycle></timerEventDefinition></startEvent>""" + End(),
            "daily -> end");
        Assert.Single(h.Model.TimerStarts);
        h.Start(startEventId: "daily").AssertCompleted();
    }

    [Fact]
    public void Terminate_end_at_process_level_ends_every_token_and_marks_the_instance_terminated()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + Terminate("kill") + Task("t"),
            "start -> fork -> a; fork -> t -> kill").Start();
        Assert.Equal(InstanceStatus.Terminated, h.State.Status);
        Assert.Contains("a", h.Terminated);
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "a" && !w.Triggered);
        Assert.Single(h.Of<InstanceTerminated>());
    }

    [Fact]
    public void Error_end_event_without_a_catching_boundary_raises_an_incident()
    {
        var h = Harness.For(Start() + ErrorEnd("fail", "err"), "start -> fail", Error("err", "E1")).Start();
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("fail", incident.ElementId);
        Assert.Contains("E1", incident.Message);
    }

    [Fact]
    public void A_start_event_with_several_outgoing_flows_forks()
    {
        var h = Harness.For(Start() + User("a") + User("b"), "start -> a; start -> b").Start();
        Assert.Equal(["a", "b"], h.Active);
    }

    [Fact]
    public void An_element_without_outgoing_flow_ends_its_token_implicitly()
    {
        var h = Harness.For(Start() + Task("t"), "start -> t").Start();
        h.AssertCompleted();
    }
}
