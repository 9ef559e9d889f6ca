using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Benchmarks.Dmn;

/// <summary>
/// A 50-rule decision table (UNIQUE: every rule is tested on every call) evaluated in memory: evaluations per second on
/// one thread and on all cores, time and allocation per evaluation.
/// Usage: dotnet run -c Release --project tests/Pppk.Workflow.Benchmarks -- dmn [seconds per measurement]
/// </summary>
public sealed class DmnBenchmark : IBenchmark
{
    public string Name => "dmn";

    public string Description => "DMN: a 50-rule decision table evaluated per second (one thread, all cores)";

    private const int RuleCount = 50;

    public Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 3;
        var read = DmnReader.Read(Table());
        var model = read.Model ?? throw new InvalidOperationException(string.Join("\n", read.Problems));
        var environment = FeelEnvironment.Default;
        var inputs = Enumerable.Range(0, 64).Select(Inputs).ToArray();

        var sample = DmnEvaluator.Evaluate(model, "renewal", inputs[7], environment);
        Console.WriteLine($"table: {RuleCount} rules x 3 inputs, hit policy UNIQUE; sample result {sample.Output} (rule {sample.EvaluatedDecisions[0].MatchedRules[0].RuleIndex})");
        for (var i = 0; i < 20_000; i++)
            DmnEvaluator.Evaluate(model, "renewal", inputs[i & 63], environment); // warm-up: JIT tiers

        // Best of three rounds on one thread: the machine is shared, the minimum is the least disturbed measurement.
        var perSecond = 0d;
        var bytes = 0d;
        for (var round = 0; round < 3; round++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var (count, elapsed) = Loop(model, inputs, environment, TimeSpan.FromSeconds(seconds / 3), cancellationToken);
            bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
            perSecond = Math.Max(perSecond, count / elapsed.TotalSeconds);
        }
        Console.WriteLine($"one thread:  {perSecond,12:N0} evaluations/s  {1e6 / perSecond,8:F1} µs/evaluation  {bytes,8:N0} B/evaluation");

        var threads = Environment.ProcessorCount;
        var totals = new long[threads];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            totals[t] = Loop(model, inputs, environment, TimeSpan.FromSeconds(seconds), cancellationToken).Count);
        watch.Stop();
        var all = totals.Sum() / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{threads} threads: {all,12:N0} evaluations/s  ({all / perSecond:F1}x one thread)");
        return Task.CompletedTask;
    }

    private static (long Count, TimeSpan Elapsed) Loop(DmnModel model, IFeelScope[] inputs, FeelEnvironment environment, TimeSpan duration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < 256; i++)
                DmnEvaluator.Evaluate(model, "renewal", inputs[(int)(count + i) & 63], environment);
            count += 256;
        }
        return (count, watch.Elapsed);
    }

    private static readonly string[] Predicates = ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"];

    private static IFeelScope Inputs(int i) => new Scope(new Dictionary<string, FeelValue>
    {
        ["score"] = FeelNumber.Of(i * 100 / 64),
        ["predicate"] = new FeelString(Predicates[i % Predicates.Length]),
        ["years of service"] = FeelNumber.Of(i % 12),
    });

    /// <summary>Rules over score bands (10 bands of 10 points) x predicate groups: exactly one matches any input.</summary>
    private static string Table()
    {
        var rules = new StringBuilder();
        var n = 0;
        for (var band = 0; band < 10; band++)
            for (var p = 0; p < Predicates.Length; p++)
            {
                n++;
                var score = band == 9 ? "[90..100]" : $"[{band * 10}..{band * 10 + 10})";
                var years = p % 2 == 0 ? "-" : ">= 0";
                rules.Append($"""
                    <rule id="r{n}"><description>band {band}, {Predicates[p]}</description>
                      <inputEntry><text>{score}</text></inputEntry><inputEntry><text>"{Predicates[p]}"</text></inputEntry><inputEntry><text>{years}</text></inputEntry>
                      <outputEntry><text>"{(band >= 6 && p < 2 ? "perpanjang" : "tinjau")}"</text></outputEntry><outputEntry><text>{band * 10 + p}</text></outputEntry>
                    </rule>
                    """);
            }
        return $"""
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="bench" name="bench" namespace="urn:bench">
              <inputData id="i1" name="score"><variable name="score" typeRef="number"/></inputData>
              <inputData id="i2" name="predicate"><variable name="predicate" typeRef="string"/></inputData>
              <inputData id="i3" name="years of service"><variable name="years of service" typeRef="number"/></inputData>
              <decision id="renewal" name="renewal">
                <informationRequirement><requiredInput href="#i1"/></informationRequirement>
                <informationRequirement><requiredInput href="#i2"/></informationRequirement>
                <informationRequirement><requiredInput href="#i3"/></informationRequirement>
                <decisionTable id="dt" hitPolicy="UNIQUE">
                  <input id="in1"><inputExpression typeRef="number"><text>score</text></inputExpression></input>
                  <input id="in2"><inputExpression typeRef="string"><text>predicate</text></inputExpression></input>
                  <input id="in3"><inputExpression typeRef="number"><text>years of service</text></inputExpression></input>
                  <output id="o1" name="recommendation" typeRef="string"/><output id="o2" name="weight" typeRef="number"/>
                  {rules}
                </decisionTable>
              </decision>
            </definitions>
            """;
    }

    private sealed class Scope(Dictionary<string, FeelValue> values) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value) => values.TryGetValue(name, out value!);
    }
}
