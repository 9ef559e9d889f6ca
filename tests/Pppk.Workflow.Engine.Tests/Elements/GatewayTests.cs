using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Elements;

public class GatewayTests
{
    private const string Xor3 = "start -> gw; gw -> high [=score >= 80] -> end; gw -> mid [=score >= 50] -> end2; gw -> low [default] -> end3";
    private static string Xor3Elements => Start() + Xor("gw") + User("high") + User("mid") + User("low") + End() + End("end2") + End("end3");

    [Theory]
    [InlineData(90, "high")]
    [InlineData(60, "mid")]
    [InlineData(10, "low")]
    public void Exclusive_gateway_takes_the_first_true_condition_or_the_default(int score, string expected)
    {
        var h = Harness.For(Xor3Elements, Xor3).Start(new { score });
        Assert.Equal([expected], h.Active);
    }

    [Fact]
    public void Exclusive_gateway_without_match_and_default_raises_an_incident_and_retry_after_fixing_variables_continues()
    {
        var h = Harness.For(Start() + Xor("gw") + User("a") + User("b"), "start -> gw; gw -> a [=x = 1]; gw -> b [=x = 2]").Start(new { x = 3 });
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("gw", incident.ElementId);
        Assert.Contains("default flow", incident.Message);
        h.Handle(new SetVariables(Harness.Vars(new { x = 2 })!));
        h.Handle(new RetryIncident(incident.Id));
        Assert.Equal(["b"], h.Active);
        Assert.Empty(h.State.Incidents);
    }

    [Fact]
    public void Exclusive_gateway_treats_null_condition_results_as_false()
    {
        var h = Harness.For(Start() + Xor("gw") + User("a") + User("b"), "start -> gw; gw -> a [=missing > 1]; gw -> b [default]").Start();
        Assert.Equal(["b"], h.Active);
    }

    [Fact]
    public void Exclusive_gateway_as_merge_passes_each_token()
    {
        var h = Harness.For(Start() + And("fork") + Xor("merge") + Service("after"), "start -> fork; fork -> merge; fork -> merge; merge -> after").Start();
        Assert.Equal(2, h.State.WaitPoints.Count);
    }

    [Fact]
    public void Parallel_gateway_forks_to_every_outgoing_flow()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + User("c"), "start -> fork; fork -> a; fork -> b; fork -> c").Start();
        Assert.Equal(["a", "b", "c"], h.Active);
    }

    [Fact]
    public void Parallel_join_waits_for_every_incoming_token()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + And("join") + Service("after") + End(),
            "start -> fork; fork -> a -> join; fork -> b -> join; join -> after -> end").Start();
        h.CompleteTask("a");
        Assert.Equal(["b"], h.Active);
        Assert.Single(h.State.Joins);
        h.CompleteTask("b");
        Assert.Equal(["after"], h.Active);
        Assert.Empty(h.State.Joins);
        h.CompleteJob("after").AssertCompleted();
    }

    [Fact]
    public void Parallel_join_counts_tokens_per_incoming_flow_so_two_on_one_flow_do_not_fire_it()
    {
        var h = Harness.For(Start() + And("fork") + User("a") + User("b") + And("join") + User("after"),
            "start -> fork; fork -> a -> join; fork -> b -> join; join -> after").Start();
        var firstA = h.Wait("a");
        h.CompleteTask("a");
        Assert.DoesNotContain("after", h.Active);
        h.CompleteTask("b");
        Assert.Equal(["after"], h.Active);
        _ = firstA;
    }

    [Fact]
    public void Parallel_join_after_an_exclusive_split_waits_forever_as_in_camunda()
    {
        // the classic trap: only one branch runs, so the join never gets its second token
        var h = Harness.For(Start() + Xor("split") + User("a") + User("b") + And("join") + End(),
            "start -> split; split -> a [=go = \"a\"] -> join; split -> b [default] -> join; join -> end").Start(new { go = "a" });
        h.CompleteTask("a");
        Assert.Equal(InstanceStatus.Active, h.State.Status);
        Assert.Single(h.State.Joins);
        Assert.Empty(h.State.WaitPoints);
        h.Handle(new CancelInstance("stuck"));
        Assert.Equal(InstanceStatus.Cancelled, h.State.Status);
    }

    [Fact]
    public void Loop_back_through_an_exclusive_gateway_repeats_until_the_condition_changes()
    {
        var h = Harness.For(Start() + Xor("merge") + User("fix") + Xor("check") + End(),
            "start -> merge -> fix -> check; check -> merge [=not(ok)]; check -> end [default]").Start();
        for (var i = 0; i < 3; i++)
            h.CompleteTask("fix", new { ok = false });
        h.CompleteTask("fix", new { ok = true });
        h.AssertCompleted();
        Assert.Equal(4, h.Of<UserTaskCreated>().Count());
    }

    [Fact]
    public void Event_based_gateway_first_message_wins_and_the_timer_is_withdrawn()
    {
        var h = Harness.For(Start() + EventGateway("eg") + CatchMessage("reply", "m") + CatchTimer("timeout", "P7D") + User("process") + User("remind"),
            "start -> eg; eg -> reply -> process; eg -> timeout -> remind", Message("m", "reply", "=applicantId")).Start(new { applicantId = "A-7" });
        Assert.Equal(2, h.State.WaitPoints.Count);
        Assert.Equal("A-7", h.Of<MessageSubscriptionOpened>().Single().CorrelationKey);
        h.Correlate("reply", new { answer = "yes" });
        Assert.Equal(["process"], h.Active);
        Assert.Contains(h.Of<WaitPointClosed>(), w => w.ElementId == "timeout" && !w.Triggered);
        Assert.Equal("\"yes\"", h.VarJson("answer"));
        Assert.Contains("reply", h.Ended);
    }

    [Fact]
    public void Event_based_gateway_timer_wins_and_the_subscription_is_closed()
    {
        var h = Harness.For(Start() + EventGateway("eg") + CatchMessage("reply", "m") + CatchTimer("timeout", "P7D") + User("process") + User("remind"),
            "start -> eg; eg -> reply -> process; eg -> timeout -> remind", Message("m", "reply", "k")).Start();
        var sub = h.Wait("reply").Id;
        h.Advance(TimeSpan.FromDays(7));
        Assert.Equal(["remind"], h.Active);
        Assert.True(h.Handle(new MessageCorrelated(sub)).WasIgnored);
    }
}
