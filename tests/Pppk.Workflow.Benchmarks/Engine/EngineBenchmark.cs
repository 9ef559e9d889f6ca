using System.Diagnostics;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Benchmarks.Engine;

/// <summary>Steps per second and bytes allocated per step for a 20-element process run entirely in memory (no serialization between steps).</summary>
public sealed class EngineBenchmark : IBenchmark
{
    public string Name => "engine";

    public string Description => "token interpreter: steps/s and allocation per step on a 20-element process (args: [instances=20000])";

    private const string Xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="bench" isExecutable="true">
            <startEvent id="start"/>
            <serviceTask id="svc1"><extensionElements><zeebe:taskDefinition type="load"/></extensionElements></serviceTask>
            <scriptTask id="script1"><extensionElements><zeebe:script expression="=score * 2" resultVariable="double"/></extensionElements></scriptTask>
            <exclusiveGateway id="split" default="toB"/>
            <userTask id="userA"><extensionElements><zeebe:assignmentDefinition assignee="=reviewer" candidateGroups="hr-staff"/></extensionElements></userTask>
            <userTask id="userB"><extensionElements><zeebe:assignmentDefinition candidateGroups="hr-head"/></extensionElements></userTask>
            <exclusiveGateway id="merge"/>
            <parallelGateway id="fork"/>
            <serviceTask id="svc2"><extensionElements><zeebe:taskDefinition type="a"/><zeebe:ioMapping><zeebe:input source="=double + 1" target="x"/><zeebe:output source="=y" target="fromA"/></zeebe:ioMapping></extensionElements></serviceTask>
            <serviceTask id="svc3"><extensionElements><zeebe:taskDefinition type="b"/></extensionElements></serviceTask>
            <parallelGateway id="join"/>
            <intermediateCatchEvent id="pause"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <serviceTask id="svc4"><extensionElements><zeebe:taskDefinition type="c"/></extensionElements></serviceTask>
            <scriptTask id="script2"><extensionElements><zeebe:script expression="=if double > 100 then &quot;high&quot; else &quot;low&quot;" resultVariable="band"/></extensionElements></scriptTask>
            <userTask id="user3"><extensionElements><zeebe:assignmentDefinition assignee="ani"/></extensionElements></userTask>
            <boundaryEvent id="late" attachedToRef="user3"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>
            <intermediateThrowEvent id="milestone"/>
            <scriptTask id="script3"><extensionElements><zeebe:script expression="=upper case(band)" resultVariable="bandLabel"/></extensionElements></scriptTask>
            <serviceTask id="svc5"><extensionElements><zeebe:taskDefinition type="d"/></extensionElements></serviceTask>
            <endEvent id="end"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="svc1"/>
            <sequenceFlow id="f2" sourceRef="svc1" targetRef="script1"/>
            <sequenceFlow id="f3" sourceRef="script1" targetRef="split"/>
            <sequenceFlow id="toA" sourceRef="split" targetRef="userA"><conditionExpression>=double > 100</conditionExpression></sequenceFlow>
            <sequenceFlow id="toB" sourceRef="split" targetRef="userB"/>
            <sequenceFlow id="f4" sourceRef="userA" targetRef="merge"/>
            <sequenceFlow id="f5" sourceRef="userB" targetRef="merge"/>
            <sequenceFlow id="f6" sourceRef="merge" targetRef="fork"/>
            <sequenceFlow id="f7" sourceRef="fork" targetRef="svc2"/>
            <sequenceFlow id="f8" sourceRef="fork" targetRef="svc3"/>
            <sequenceFlow id="f9" sourceRef="svc2" targetRef="join"/>
            <sequenceFlow id="f10" sourceRef="svc3" targetRef="join"/>
            <sequenceFlow id="f11" sourceRef="join" targetRef="pause"/>
            <sequenceFlow id="f12" sourceRef="pause" targetRef="svc4"/>
            <sequenceFlow id="f13" sourceRef="svc4" targetRef="script2"/>
            <sequenceFlow id="f14" sourceRef="script2" targetRef="user3"/>
            <sequenceFlow id="f15" sourceRef="user3" targetRef="milestone"/>
            <sequenceFlow id="f16" sourceRef="milestone" targetRef="script3"/>
            <sequenceFlow id="f16b" sourceRef="script3" targetRef="svc5"/>
            <sequenceFlow id="f17" sourceRef="svc5" targetRef="end"/>
            <sequenceFlow id="f18" sourceRef="late" targetRef="end"/>
          </process>
        </definitions>
        """;

    public Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var instances = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
        var model = ProcessModel.Create(BpmnParser.Parse(Xml), "bench");
        var clock = new ManualClock();
        var engine = new WorkflowEngine(clock, new FeelEnvironment(clock, TimeZoneInfo.Utc));

        RunInstances(engine, model, clock, Math.Min(500, instances), out _, out var sample); // warm-up: JIT, FEEL cache
        Console.WriteLine($"  elements in the process: {model.Process.AllNodes.Count}; steps per instance: {sample.Steps}; final state JSON: {sample.StateBytes} bytes, largest mid-run: {sample.MaxStateBytes} bytes");

        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var steps = RunInstances(engine, model, clock, instances, out var cancelled, out _, cancellationToken);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (cancelled) Console.WriteLine("  (cancelled)");
        Console.WriteLine($"  {instances} instances, {steps} steps in {watch.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"  steps/s:              {steps / watch.Elapsed.TotalSeconds:N0}");
        Console.WriteLine($"  mean step:            {watch.Elapsed.TotalMicroseconds / steps:F1} µs");
        Console.WriteLine($"  allocated per step:   {allocated / steps:N0} bytes");
        return Task.CompletedTask;
    }

    private sealed record Sample(int Steps, int StateBytes, int MaxStateBytes);

    private static long RunInstances(WorkflowEngine engine, ProcessModel model, ManualClock clock, int count, out bool cancelled, out Sample sample, CancellationToken token = default)
    {
        long steps = 0;
        cancelled = false;
        sample = new Sample(0, 0, 0);
        for (var i = 0; i < count; i++)
        {
            if (token.IsCancellationRequested) { cancelled = true; break; }
            var perInstance = 1;
            var maxBytes = 0;
            var result = engine.Start(model, new StartTrigger(new JsonObject { ["score"] = i % 100, ["reviewer"] = "ani", ["applicantName"] = "Ani Wijaya", ["nip"] = "199001012026012001" }));
            while (result.State.Status == InstanceStatus.Active)
            {
                if (i == 0)
                    maxBytes = Math.Max(maxBytes, result.State.ToJson().Length);
                var wait = result.State.WaitPoints.First(w => w.EventId is null);
                Trigger trigger = wait.Kind switch
                {
                    WaitKind.Job => new JobCompleted(wait.Id, new JsonObject { ["y"] = 1 }),
                    WaitKind.UserTask => new UserTaskCompleted(wait.Id, "ani", new JsonObject { ["approved"] = true }),
                    WaitKind.Timer => new TimerFired(wait.Id),
                    _ => throw new InvalidOperationException(wait.Kind.ToString()),
                };
                if (wait.DueAt is { } due) clock.Now = due;
                result = engine.Handle(model, result.State, trigger);
                perInstance++;
            }
            if (result.State.Status != InstanceStatus.Completed)
                throw new InvalidOperationException("benchmark instance did not complete");
            if (i == 0)
                sample = new Sample(perInstance, result.State.ToJson().Length, maxBytes);
            steps += perInstance;
        }
        return steps;
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
