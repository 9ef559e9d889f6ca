using System.Xml.Linq;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Diagrams;

/// <summary>The reference diagrams (bpmn-js / Camunda Modeler format, with diagram interchange) load unchanged, validate and run.</summary>
public class ReferenceDiagramTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(Corpus.DiagramsDirectory, file));

    private static IEnumerable<string> AllKeys() =>
        Directory.GetFiles(Corpus.DiagramsDirectory, "*.bpmn").SelectMany(f => BpmnParser.Parse(File.ReadAllText(f)).Processes.Select(p => p.Id));

    private static ProcessModel Model(string file) => ProcessModel.CreateAll(BpmnParser.Parse(Read(file))).Single();

    [Fact]
    public void There_are_at_least_ten_reference_diagrams_in_modeler_format()
    {
        var files = Corpus.DiagramFiles().ToList();
        Assert.True(files.Count >= 10);
        foreach (var file in files.Select(f => (string)f[0]))
        {
            var xml = Read(file);
            Assert.Contains("bpmndi:BPMNDiagram", xml);
            Assert.Contains("exporter=\"Camunda Modeler\"", xml);
            Assert.Contains("xmlns:zeebe=", xml);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus.DiagramFiles), MemberType = typeof(Corpus))]
    public void Diagram_is_valid(string file)
    {
        var problems = BpmnValidator.Validate(BpmnParser.Parse(Read(file)), AllKeys());
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Corpus.DiagramFiles), MemberType = typeof(Corpus))]
    public void Diagram_round_trips_keeping_every_element_and_extension(string file)
    {
        var first = BpmnParser.Parse(Read(file));
        var written = BpmnWriter.Write(first);
        var second = BpmnParser.Parse(written);
        Assert.Equal(Describe(first), Describe(second));
        // diagram interchange and every extension element survive byte-for-byte in content
        Assert.True(XNode.DeepEquals(XDocument.Parse(Read(file)).Root, XDocument.Parse(written).Root));
    }

    private static List<string> Describe(BpmnDefinitions d) =>
        d.Processes.SelectMany(p => p.AllNodes.Values.Select(n =>
            $"{n.Id}|{n.Type}|{n.Name}|{n.TaskDefinition}|{string.Join(",", n.Headers)}|{string.Join(",", n.Inputs)}|{string.Join(",", n.Outputs)}|{n.UserTask}|{n.Script}|{n.CalledElement}|{n.MultiInstance}|{n.Event?.Kind}|{n.Event?.TimerExpression}|{n.Event?.Message}|{n.Event?.Error}|{n.AttachedToRef}|{n.CancelActivity}|{n.DefaultFlowId}")
            .Concat(p.AllFlows.Values.Select(f => $"{f.Id}|{f.SourceRef}|{f.TargetRef}|{f.Condition}"))).ToList();

    [Fact]
    public void Parallel_approval_runs_to_completion()
    {
        var h = new Harness(Model("parallel-approval.bpmn")).Start(new { owner = "ani" });
        Assert.Equal(["approveFinance", "approveHr", "archive"], h.Active);
        h.CompleteTask("approveHr").CompleteJob("archive").CompleteTask("approveFinance");
        Assert.Equal("ani", h.Of<UserTaskCreated>().Single(t => t.ElementId == "finalize").Assignee);
        h.CompleteTask("finalize").AssertCompleted();
    }

    [Fact]
    public void Selection_scores_every_applicant_and_reviews_when_someone_passed()
    {
        var h = new Harness(Model("selection-ranking.bpmn")).Start();
        h.CompleteJob("importScores", new { applicants = new[] { "a", "b" } });
        foreach (var job in h.Of<JobCreated>().Where(j => j.ElementId == "scoreApplicant").ToList())
            h.Handle(new JobCompleted(job.WaitId, Harness.Vars(new { score = 70 })));
        h.CompleteJob("rank");
        Assert.Equal(["reviewRanking"], h.Active);
        h.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, h.Of<JobCreated>().Count(j => j.Type == "email"));
    }

    [Fact]
    public void Sk_issuance_calls_signing_and_handles_rejection()
    {
        var rt = new MiniRuntime(Read("sk-issuance.bpmn"), Read("signing.bpmn"));
        var p = rt.Start("pppk-sk-issuance", new { drafter = "budi" });
        rt.Handle(p, new UserTaskCompleted(rt.Wait(p, "draftSk").Id, "budi"));
        rt.Handle(p, new JobCompleted(rt.Wait(p, "numberSk").Id, Harness.Vars(new { skNumber = "800/1/2026" })));
        var child = rt.Instances.Keys.Max();
        rt.Handle(child, new UserTaskCompleted(rt.Wait(child, "sign").Id, "kepala", Harness.Vars(new { decision = "reject" })));
        Assert.Equal(["reviseSk"], rt.Instances[p].ActiveElementIds);
        rt.Handle(p, new UserTaskCompleted(rt.Wait(p, "reviseSk").Id, "ani"));
        rt.Handle(p, new JobCompleted(rt.Wait(p, "numberSk").Id));
        child = rt.Instances.Keys.Max();
        rt.Handle(child, new UserTaskCompleted(rt.Wait(child, "sign").Id, "kepala", Harness.Vars(new { decision = "approve" })));
        Assert.Equal(InstanceStatus.Completed, rt.Instances[p].Status);
        Assert.NotNull(rt.Instances[p].Variables["skSignedAt"]);
        Assert.Null(rt.Instances[p].Variables["decision"]);
    }

    [Fact]
    public void Contract_renewal_lapses_when_nobody_answers()
    {
        var h = new Harness(Model("contract-renewal.bpmn")).Start(new { nip = "1990" }, "daily");
        h.CompleteJob("findExpiring").CompleteJob("notify");
        Assert.Equal("1990", h.Of<MessageSubscriptionOpened>().Single().CorrelationKey);
        h.Advance(TimeSpan.FromDays(14));
        h.AssertCompleted();
        Assert.Contains("lapsed", h.Ended);
    }

    [Fact]
    public void Performance_evaluation_averages_sequential_ratings()
    {
        var h = new Harness(Model("performance-evaluation.bpmn")).Start(new { employee = "e", evaluators = new[] { "x", "y" } });
        h.CompleteTask("selfAssess");
        Assert.Equal("x", h.Of<UserTaskCreated>().Last().Assignee);
        h.CompleteTask("evaluate", new { rating = 80 });
        Assert.Equal("y", h.Of<UserTaskCreated>().Last().Assignee);
        h.CompleteTask("evaluate", new { rating = 90 });
        h.AssertCompleted();
        Assert.Equal("85", h.VarJson("finalRating"));
    }

    [Fact]
    public void Document_verification_catches_the_invalid_error_from_its_subprocess()
    {
        var h = new Harness(Model("document-verification.bpmn")).Start();
        h.CompleteJob("checkIdentity", new { identityOk = false });
        Assert.Equal(["requestFix"], h.Active);
    }

    [Fact]
    public void Document_verification_terminates_when_it_takes_too_long()
    {
        var h = new Harness(Model("document-verification.bpmn")).Start();
        h.Advance(TimeSpan.FromDays(5));
        Assert.Equal(InstanceStatus.Terminated, h.State.Status);
    }

    [Fact]
    public void Budget_check_maps_inputs_and_catches_no_budget()
    {
        var h = new Harness(Model("budget-check.bpmn")).Start(new { formationId = 12 });
        var job = h.Of<JobCreated>().Single();
        Assert.Equal(("12", "2026"), (job.Variables["formation"]!.ToJsonString(), job.Headers["year"]));
        h.ThrowError("checkBudget", "NO_BUDGET");
        Assert.Equal(["adjust"], h.Active);
        Assert.Equal(["hr-head", "finance"], h.Of<UserTaskCreated>().Single().CandidateGroups);
    }

    [Fact]
    public void Applicant_registration_starts_by_message_and_expires_at_the_deadline()
    {
        var h = new Harness(Model("applicant-registration.bpmn"));
        Assert.Equal("applicant-registered", h.Model.MessageStarts.Single().MessageName);
        h.Start(new { applicantId = "A1", deadline = "2026-03-09T17:00:00+08:00" }, "registered");
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), h.Of<TimerScheduled>().Single().DueAt);
        h.Advance(TimeSpan.FromDays(10));
        Assert.Contains("expired", h.Ended);
    }

    [Fact]
    public void Reminder_escalation_reminds_three_times_then_escalates()
    {
        var h = new Harness(Model("reminder-escalation.bpmn")).Start(new { assignee = "ani", requestId = "R1" });
        h.Advance(TimeSpan.FromDays(3));
        Assert.Equal(3, h.Of<JobCreated>().Count());
        Assert.Contains("escalate", h.Active);
        Assert.DoesNotContain("respond", h.Active);
    }

    [Fact]
    public void Revision_loop_goes_round_until_accepted()
    {
        var h = new Harness(Model("revision-loop.bpmn")).Start(new { author = "ani" });
        h.CompleteTask("revise").CompleteTask("check", new { accepted = false });
        h.CompleteTask("revise").CompleteTask("check", new { accepted = true });
        h.AssertCompleted();
        Assert.Equal(["ani"], h.Of<UserTaskCreated>().First().CandidateUsers);
    }
}
