using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class InclusiveGatewayTests
{
    private static string Or(string id) => $"""<inclusiveGateway id="{id}"/>""";

    // a document check: the fork takes every true condition, the join merges what was taken
    private static string Checks => Start() + Or("fork") + User("ktp") + User("ijazah") + User("skck") + Or("join") + User("done") + End();
    private const string ChecksFlows = "start -> fork; fork -> ktp [=needKtp] -> join; fork -> ijazah [=needIjazah] -> join; fork -> skck [default] -> join; join -> done -> end";

    [Fact]
    public void Fork_takes_every_flow_whose_condition_is_true_and_the_join_waits_for_all_of_them()
    {
        var h = Harness.For(Checks, ChecksFlows).Start(new { needKtp = true, needIjazah = true });
        Assert.Equal(["ijazah", "ktp"], h.Active);
        h.CompleteTask("ktp");
        Assert.Equal(["ijazah"], h.Active);
        Assert.Single(h.State.Joins);
        h.CompleteTask("ijazah");
        Assert.Equal(["done"], h.Active);
        Assert.Empty(h.State.Joins);
        Assert.Single(h.Ended, e => e == "join");
    }

    [Fact]
    public void Fork_takes_the_default_flow_when_no_condition_is_true_and_the_join_does_not_wait_for_untaken_flows()
    {
        var h = Harness.For(Checks, ChecksFlows).Start(new { needKtp = false, needIjazah = false });
        Assert.Equal(["skck"], h.Active);
        h.CompleteTask("skck");
        Assert.Equal(["done"], h.Active);
    }

    [Fact]
    public void A_single_true_condition_passes_the_join_at_once()
    {
        var h = Harness.For(Checks, ChecksFlows).Start(new { needKtp = false, needIjazah = true });
        Assert.Equal(["ijazah"], h.Active);
        h.CompleteTask("ijazah").CompleteTask("done");
        h.AssertCompleted();
    }

    [Fact]
    public void No_true_condition_and_no_default_is_an_incident_that_a_retry_resolves()
    {
        var h = Harness.For(Start() + Or("fork") + User("a") + User("b"), "start -> fork; fork -> a [=x = 1]; fork -> b [=x > 1]").Start(new { x = 0 });
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("fork", incident.ElementId);
        Assert.StartsWith("No condition", incident.Message);
        h.Handle(new SetVariables(Harness.Vars(new { x = 1 })!));
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(["a"], h.Active);
    }

    [Fact]
    public void An_instant_branch_waits_at_the_join_for_a_branch_that_waits()
    {
        var h = Harness.For(Start() + Or("fork") + Task("quick") + User("slow") + Or("join") + End(),
            "start -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> join; join -> end").Start();
        Assert.Equal(["slow"], h.Active);
        Assert.Single(h.State.Joins);
        h.CompleteTask("slow");
        h.AssertCompleted();
        Assert.Single(h.Ended, e => e == "join");
    }

    [Fact]
    public void The_join_fires_once_the_other_token_can_no_longer_reach_it()
    {
        // the slow branch may turn away to its own end event: then nothing else can arrive
        var h = Harness.For(Start() + Or("fork") + User("quick") + User("slow") + Xor("turn") + Or("join") + User("after") + End() + End("away"),
            "start -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> turn; turn -> join [=back]; turn -> away [default]; join -> after -> end").Start(new { back = false });
        h.CompleteTask("quick");
        Assert.Equal(["slow"], h.Active); // slow could still come back through 'turn'
        h.CompleteTask("slow");
        Assert.Equal(["after"], h.Active);
        Assert.Contains("away", h.Ended);
    }

    [Fact]
    public void An_interrupting_boundary_event_that_leads_away_releases_the_join()
    {
        var h = Harness.For(Start() + Or("fork") + User("quick") + User("slow") + BoundaryTimer("late", "slow", "PT1H") + Or("join") + User("after") + End() + End("away"),
            "start -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> join; late -> away; join -> after -> end").Start();
        h.CompleteTask("quick");
        Assert.Equal(["slow"], h.Active);
        h.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void A_boundary_event_that_leads_to_the_join_keeps_it_waiting()
    {
        var h = Harness.For(Start() + Or("fork") + User("quick") + User("slow") + BoundaryTimer("late", "slow", "PT1H") + Task("escalate") + Or("join") + User("after") + End(),
            "start -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> join; late -> escalate -> join; join -> after -> end").Start();
        h.CompleteTask("quick");
        h.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["after"], h.Active);
        Assert.Single(h.Ended, e => e == "join");
    }

    [Fact]
    public void The_join_fires_when_every_incoming_flow_was_taken_and_again_for_a_token_that_comes_later()
    {
        var h = Harness.For(Start() + And("split") + User("a") + User("b") + Xor("merge") + Or("fork") + User("c") + Or("join") + User("after") + End(),
            "start -> split; split -> a -> merge; split -> b -> merge; merge -> join; split -> fork; fork -> c [=true] -> join; join -> after -> end").Start();
        Assert.Equal(["a", "b", "c"], h.Active);
        h.CompleteTask("a");
        Assert.Equal(["b", "c"], h.Active); // c can still reach the join's other flow
        h.CompleteTask("c");
        Assert.Equal(["after", "b"], h.Active); // both flows taken: it fires, one token from each
        h.CompleteTask("b");
        Assert.Equal(["after", "after"], h.Active); // nothing can reach the other flow any more
    }

    [Fact]
    public void A_token_that_can_reach_the_join_through_a_link_keeps_it_waiting()
    {
        var h = Harness.For(Start() + Or("fork") + Task("quick") + User("slow") + """<intermediateThrowEvent id="jump"><linkEventDefinition name="x"/></intermediateThrowEvent><intermediateCatchEvent id="land"><linkEventDefinition name="x"/></intermediateCatchEvent>""" + Or("join") + User("after") + End(),
            "start -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> jump; land -> join; join -> after -> end").Start();
        Assert.Equal(["slow"], h.Active);
        h.CompleteTask("slow");
        Assert.Equal(["after"], h.Active);
        Assert.Single(h.Ended, e => e == "join");
    }

    [Fact]
    public void A_join_inside_a_subprocess_holds_the_subprocess_open_until_it_fires()
    {
        var h = Harness.For(Start() + Sub("check", Start("s1") + Or("fork") + Task("quick") + User("slow") + Or("join") + End("e1")) + User("after") + End(),
            "start -> check -> after -> end; s1 -> fork; fork -> quick [=true] -> join; fork -> slow [=true] -> join; join -> e1").Start();
        Assert.Equal(["check", "slow"], h.Active);
        h.CompleteTask("slow");
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void A_join_waits_for_a_branch_held_by_an_incident()
    {
        var h = Harness.For(Start() + And("split") + Task("quick") + Service("calc") + Or("join") + User("after") + End(),
            "start -> split; split -> quick -> join; split -> calc -> join; join -> after -> end").Start();
        h.Handle(new JobFailed(h.Wait("calc").Id, "down", 0));
        var incident = Assert.Single(h.State.Incidents);
        Assert.DoesNotContain("after", h.Active);
        h.Handle(new RetryIncident(incident.Id));
        h.CompleteJob("calc");
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Cancelling_the_instance_drops_the_waiting_join_token()
    {
        var h = Harness.For(Checks, ChecksFlows).Start(new { needKtp = true, needIjazah = true });
        h.CompleteTask("ktp");
        h.Handle(new CancelInstance("test"));
        Assert.Empty(h.State.Joins);
    }

    [Fact]
    public void Validation_accepts_conditions_after_an_inclusive_gateway_and_asks_for_one_on_every_other_flow()
    {
        Assert.True(BpmnValidator.IsValid(BpmnValidator.Validate(Parse(Checks, ChecksFlows))));
        var problems = BpmnValidator.Validate(Parse(Start() + Or("fork") + User("a") + User("b"), "start -> fork; fork -> a [=x]; fork -> b"));
        Assert.Contains(problems, p => p.ElementId == "f3_fork_b" && p.Code == "inclusive-missing-condition" && p.Message.Contains("inclusive gateway"));
    }

    [Fact]
    public void Validation_refuses_a_default_flow_that_is_not_an_outgoing_flow()
    {
        var problems = BpmnValidator.Validate(Parse("""<startEvent id="start"/><inclusiveGateway id="fork" default="nope"/>""" + User("a") + User("b"), "start -> fork; fork -> a [=x]; fork -> b [=y]"));
        Assert.Contains(problems, p => p.ElementId == "fork" && p.Code == "inclusive-default-flow-unknown");
    }
}
