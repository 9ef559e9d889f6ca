using System.Diagnostics;
using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Diagnostics;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// What the step metrics cost a step: a transaction's tally begun, one step counted, committed (counter and histogram
/// with one tag), timed per step and with the bytes allocated, without a listener and with an OpenTelemetry meter
/// provider aggregating the <c>Pppk.Workflow</c> meter (as a host does).
/// </summary>
public sealed class MetricsBenchmark : IBenchmark
{
    public string Name => "metrics";

    public string Description => "cost per step of the step metrics (tally, counter, histogram), without and with an OpenTelemetry meter provider (args: steps=5000000)";

    public Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var steps = options.TryGetValue("steps", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 5_000_000;
        var instance = new LoadedInstance { Id = Guid.CreateVersion7(), DefinitionId = 1, DefinitionKey = "bench", Version = 1, State = new InstanceState { ProcessId = "bench" } };
        Trigger[] triggers = [new StartTrigger(), new UserTaskCompleted(1, "u"), new TimerFired(2)];

        Run("no listener", steps, instance, triggers);
        var exported = new List<Metric>();
        using (Sdk.CreateMeterProviderBuilder().AddMeter(RuntimeMetrics.Name).AddInMemoryExporter(exported).Build())
            Run("meter provider", steps, instance, triggers);
        return Task.CompletedTask;
    }

    private static void Run(string what, int steps, LoadedInstance instance, Trigger[] triggers)
    {
        Loop(steps / 10, instance, triggers); // warm-up (JIT tiers)
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Loop(steps, instance, triggers);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        // On a loaded machine the wall time includes waiting for a core; the process CPU time does not.
        Console.WriteLine($"{what,-16} {watch.Elapsed.TotalNanoseconds / steps,8:F1} ns/step wall  {cpu.TotalNanoseconds / steps,8:F1} ns/step CPU  "
            + $"{(double)allocated / steps,6:F2} bytes/step  ({steps:N0} steps, one per transaction)");
    }

    private static void Loop(int steps, LoadedInstance instance, Trigger[] triggers)
    {
        for (var i = 0; i < steps; i++)
        {
            var tally = StepTally.Begin();
            tally.Step(instance, triggers[i % triggers.Length]);
            tally.Committed();
        }
    }
}
