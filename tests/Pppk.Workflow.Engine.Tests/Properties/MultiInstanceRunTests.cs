using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Tests.Properties;

/// <summary>
/// Property (issue 16): random processes of multi-instance bodies — parallel and sequential, over activities that
/// complete at once (script, none and manual task, subprocess with a script) and ones that wait (user task, receive
/// task, job, subprocess with a user task or a message catch), with and without a completion condition, in sequence or in
/// parallel branches — driven in a random order end up with the output collection and the history counts a plain
/// reference interpretation expects. Set PPPK_SEED to replay one seed.
/// </summary>
public class MultiInstanceRunTests
{
    private const int Seeds = 300;
    private static readonly string[] Instant = ["script", "task", "manualTask", "subScript"];
    private static readonly string[] Waiting = ["user", "receive", "service", "subUser", "subMessage"];

    [Fact]
    public void Random_multi_instance_processes_collect_what_the_reference_expects()
    {
        var only = Environment.GetEnvironmentVariable("PPPK_SEED");
        var seeds = only is null ? Enumerable.Range(1, Seeds) : [int.Parse(only)];
        var seen = new HashSet<string>();
        foreach (var seed in seeds)
        {
            var process = RandomBodies.Generate(seed);
            try
            {
                Run(process, seed);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Seed {seed} failed (replay with PPPK_SEED={seed}): {e.Message}\n{process.Xml}");
            }
            foreach (var body in process.Bodies)
                seen.Add($"{(body.Sequential ? "sequential" : "parallel")}/{body.Kind}{(body.StopAfter is null ? "" : "/condition")}");
        }
        if (only is null)
            foreach (var kind in Instant.Concat(Waiting))
                foreach (var mode in new[] { "sequential", "parallel" })
                {
                    Assert.Contains($"{mode}/{kind}", seen);
                    Assert.Contains($"{mode}/{kind}/condition", seen);
                }
    }

    private static void Run(RandomBodies process, int seed)
    {
        var definitions = BpmnParser.Parse(process.Xml);
        var problems = BpmnValidator.Validate(definitions);
        Assert.True(BpmnValidator.IsValid(problems), string.Join("\n", problems));
        var h = new Harness(ProcessModel.Create(definitions, "p"));
        var start = new JsonObject();
        foreach (var body in process.Bodies)
            start[$"items{body.Id}"] = new JsonArray(body.Items.Select(i => (JsonNode?)i).ToArray());
        h.Start(start);

        var random = new Random(seed * 7919);
        var completionOrder = process.Bodies.ToDictionary(b => b.Id, _ => new List<int>());
        for (var steps = 0; h.State.Status == InstanceStatus.Active; steps++)
        {
            Assert.True(steps < 200, "did not finish in 200 steps");
            Assert.Empty(h.State.Incidents);
            var waits = h.State.WaitPoints.OrderBy(w => w.Id).ToList();
            Assert.NotEmpty(waits);
            var wait = waits[random.Next(waits.Count)];
            var inner = InnerInstance(h.State, wait.ElementInstanceKey);
            var body = process.Bodies.Single(b => b.Id == inner.ElementId);
            var result = Harness.Vars(new { r = body.Items[inner.LoopCounter!.Value - 1] * 10 });
            Trigger trigger = wait.Kind switch
            {
                WaitKind.UserTask => new UserTaskCompleted(wait.Id, "x", result),
                WaitKind.Message => new MessageCorrelated(wait.Id, result),
                WaitKind.Job => new JobCompleted(wait.Id, result),
                _ => throw new InvalidOperationException($"unexpected wait {wait.Kind}"),
            };
            completionOrder[body.Id].Add(inner.LoopCounter.Value);
            Assert.False(h.Handle(trigger).WasIgnored);
        }
        h.AssertCompleted();

        foreach (var body in process.Bodies)
        {
            var (started, completed) = Reference(body, completionOrder[body.Id]);
            var expected = new JsonArray(Enumerable.Range(1, body.Items.Length)
                .Select(i => completed.Contains(i) ? (JsonNode?)(body.Items[i - 1] * 10) : null).ToArray());
            Assert.True(JsonNode.DeepEquals(expected, h.Var($"out{body.Id}")),
                $"{body}: expected {expected.ToJsonString()}, got {h.VarJson($"out{body.Id}")}");
            var innerStarted = h.Of<ElementStarted>().Count(e => e.ElementId == body.Id && e.ElementType != "multiInstanceBody");
            var innerEnded = h.Of<ElementEnded>().Where(e => e.ElementId == body.Id && e.ElementType != "multiInstanceBody").ToList();
            Assert.True(started == innerStarted, $"{body}: {innerStarted} inner instances started, expected {started}");
            Assert.True(completed.Count == innerEnded.Count(e => !e.Terminated), $"{body}: {innerEnded.Count(e => !e.Terminated)} completed, expected {completed.Count}");
            Assert.Equal(started - completed.Count, innerEnded.Count(e => e.Terminated));
            Assert.Single(h.Of<ElementEnded>(), e => e.ElementId == body.Id && e.ElementType == "multiInstanceBody" && !e.Terminated);
        }
    }

    /// <summary>
    /// The reference: which inner instances start, and which complete (1-based). Sequential bodies run items in order and
    /// stop once the condition holds; parallel bodies start every item, and the first ones to complete (in index order
    /// when the activity completes at once, else in the order the driver completed them) count towards the condition.
    /// </summary>
    private static (int Started, HashSet<int> Completed) Reference(Body body, List<int> driven)
    {
        var n = body.Items.Length;
        var stop = Math.Min(n, body.StopAfter ?? n);
        if (body.Sequential)
            return (stop, Enumerable.Range(1, stop).ToHashSet());
        var order = Instant.Contains(body.Kind) ? Enumerable.Range(1, n) : driven;
        return (n, order.Take(stop).ToHashSet());
    }

    /// <summary>The multi-instance inner instance a wait point belongs to (the element itself, or the subprocess around it).</summary>
    private static ElementInstance InnerInstance(InstanceState state, long key)
    {
        for (var e = state.Find(key); e is not null; e = e.ScopeKey is { } k ? state.Find(k) : null)
            if (e.LoopCounter is not null)
                return e;
        throw new InvalidOperationException($"wait on {key} is in no inner instance");
    }

    internal sealed record Body(string Id, string Kind, bool Sequential, int[] Items, int? StopAfter)
    {
        public override string ToString() =>
            $"{Id} ({(Sequential ? "sequential" : "parallel")} {Kind} over [{string.Join(",", Items)}]{(StopAfter is { } k ? $", stop after {k}" : "")})";
    }

    /// <summary>One to four bodies, one after another or each in its own branch of a parallel split.</summary>
    internal sealed class RandomBodies
    {
        public List<Body> Bodies { get; } = [];
        public string Xml { get; private set; } = "";

        public static RandomBodies Generate(int seed)
        {
            var random = new Random(seed);
            var result = new RandomBodies();
            var kinds = Instant.Concat(Waiting).ToArray();
            for (var i = random.Next(1, 5); i > 0; i--)
                result.Bodies.Add(new Body($"mi{result.Bodies.Count + 1}", kinds[random.Next(kinds.Length)], random.Next(2) == 0,
                    Enumerable.Range(0, random.Next(5)).Select(_ => random.Next(10)).ToArray(), random.Next(3) == 0 ? random.Next(1, 4) : null));
            var scope = new StringBuilder("""<startEvent id="start"/><endEvent id="end"/>""");
            foreach (var body in result.Bodies)
                scope.Append(Element(body));
            var flows = new StringBuilder();
            var ids = result.Bodies.Select(b => b.Id).ToList();
            if (ids.Count > 1 && random.Next(2) == 0)
            {
                scope.Append("""<parallelGateway id="fork"/><parallelGateway id="join"/>""");
                flows.Append("start -> fork; join -> end");
                foreach (var id in ids)
                    flows.Append($"; fork -> {id} -> join");
            }
            else
                flows.Append($"start -> {string.Join(" -> ", ids)} -> end");
            foreach (var body in result.Bodies.Where(b => b.Kind.StartsWith("sub", StringComparison.Ordinal)))
                flows.Append($"; s{body.Id} -> in{body.Id} -> e{body.Id}");
            result.Xml = Bpmn.Xml(scope.ToString(), flows.ToString(),
                """<message id="msg" name="m"><extensionElements><zeebe:subscription correlationKey="=string(item)"/></extensionElements></message>""");
            return result;
        }

        private static string Element(Body body)
        {
            var output = body.Kind is "task" or "manualTask" ? "=item * 10" : "=r";
            var loop = $"""<multiInstanceLoopCharacteristics isSequential="{(body.Sequential ? "true" : "false")}"><extensionElements><zeebe:loopCharacteristics inputCollection="=items{body.Id}" inputElement="item" outputCollection="out{body.Id}" outputElement="{output}"/></extensionElements>{(body.StopAfter is { } k ? $"<completionCondition>=numberOfCompletedInstances &gt;= {k}</completionCondition>" : "")}</multiInstanceLoopCharacteristics>""";
            const string assignee = """<extensionElements><zeebe:assignmentDefinition assignee="x"/></extensionElements>""";
            const string script = """<extensionElements><zeebe:script expression="=item * 10" resultVariable="r"/></extensionElements>""";
            var id = body.Id;
            return body.Kind switch
            {
                "script" => $"""<scriptTask id="{id}">{script}{loop}</scriptTask>""",
                "task" or "manualTask" => $"""<{body.Kind} id="{id}">{loop}</{body.Kind}>""",
                "subScript" => $"""<subProcess id="{id}">{loop}<startEvent id="s{id}"/><scriptTask id="in{id}">{script}</scriptTask><endEvent id="e{id}"/></subProcess>""",
                "user" => $"""<userTask id="{id}">{assignee}{loop}</userTask>""",
                "receive" => $"""<receiveTask id="{id}" messageRef="msg">{loop}</receiveTask>""",
                "service" => $"""<serviceTask id="{id}"><extensionElements><zeebe:taskDefinition type="t"/></extensionElements>{loop}</serviceTask>""",
                "subUser" => $"""<subProcess id="{id}">{loop}<startEvent id="s{id}"/><userTask id="in{id}">{assignee}</userTask><endEvent id="e{id}"/></subProcess>""",
                "subMessage" => $"""<subProcess id="{id}">{loop}<startEvent id="s{id}"/><intermediateCatchEvent id="in{id}"><messageEventDefinition messageRef="msg"/></intermediateCatchEvent><endEvent id="e{id}"/></subProcess>""",
                _ => throw new InvalidOperationException(body.Kind),
            };
        }
    }
}
