using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Timers;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Properties;

public class StateProperties
{
    [Fact]
    public void Any_variables_given_at_completion_survive_the_json_round_trip_of_the_state()
    {
        var model = Bpmn.Model(Start() + User("a") + User("b") + End(), "start -> a -> b -> end");
        Prop.ForAll(ArbMap.Default.ArbFor<int[]>(), ArbMap.Default.ArbFor<string>(), (numbers, text) =>
        {
            var h = new Harness(model).Start(new { numbers, text });
            h.CompleteTask("a", new JsonObject { ["t"] = text, ["n"] = new JsonArray(numbers.Select(n => (JsonNode?)n).ToArray()) });
            var reloaded = InstanceState.FromJson(h.State.ToJson());
            return reloaded.ToJson() == h.State.ToJson() && JsonNode.DeepEquals(reloaded.Variables["n"], h.State.Variables["n"]);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Iso_durations_written_from_their_parts_parse_back_to_them()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<byte>(), (days, hours, minutes) =>
        {
            var text = $"P{days}DT{hours}H{minutes}M";
            return IsoDuration.TryParse(text, out var d) && d.Time == TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_state_json_form_is_stable()
    {
        var h = Harness.For(Start() + User("a"), "start -> a").Start(new { x = 1 });
        Assert.Equal(
            """{"processId":"p","nextKey":5,"elements":[{"key":1,"elementId":"p","kind":"process","variables":{"x":1}},{"key":3,"elementId":"a","scopeKey":1,"status":"waiting"}],"waitPoints":[{"id":4,"kind":"userTask","elementInstanceKey":3,"elementId":"a"}],"joins":[],"incidents":[]}""",
            h.State.ToJson());
    }

    [Fact]
    public void A_typical_pppk_instance_state_stays_under_8_kb()
    {
        var h = new Harness(ProcessModel(Path.Combine(Corpus.DiagramsDirectory, "selection-ranking.bpmn")));
        var applicants = Enumerable.Range(1, 20).Select(i => $"1990010120260120{i:00}").ToArray();
        h.Start(new { formationId = 12, unit = "BKPSDM Kota Makassar", period = "2026" });
        var max = h.State.ToJson().Length;
        h.CompleteJob("importScores", new { applicants });
        max = Math.Max(max, h.State.ToJson().Length);
        foreach (var job in h.Of<JobCreated>().Where(j => j.ElementId == "scoreApplicant").ToList())
        {
            h.Handle(new JobCompleted(job.WaitId, Harness.Vars(new { score = 70 })));
            max = Math.Max(max, h.State.ToJson().Length);
        }
        Assert.True(max < 8 * 1024, $"state reached {max} bytes");
    }

    private static Engine.Model.ProcessModel ProcessModel(string file) =>
        Engine.Model.ProcessModel.CreateAll(Engine.Parsing.BpmnParser.Parse(File.ReadAllText(file))).Single();

    [Fact]
    public void Job_results_map_to_the_engine_triggers()
    {
        var job = new JobCreated(9, "t", "email", 3, [], new Dictionary<string, string>());
        var request = JobRequest.From(job);
        Assert.Equal(new JobCompleted(9, null), new JobResult.Completed().ToTrigger(request));
        Assert.Equal(new JobThrewError(9, "E", "m", null), new JobResult.BpmnError("E", "m").ToTrigger(request));
        Assert.Equal(new JobFailed(9, "down", 2, TimeSpan.FromSeconds(10)), new JobResult.Failure("down", TimeSpan.FromSeconds(10)).ToTrigger(request));
    }
}
