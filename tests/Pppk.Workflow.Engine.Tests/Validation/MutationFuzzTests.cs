using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Engine.Tests.Validation;

/// <summary>Damaged files (elements and attributes removed at random from the corpus and the reference diagrams) never crash the parser or the validator.</summary>
public class MutationFuzzTests
{
    public static IEnumerable<object[]> Files() =>
        Directory.GetFiles(Corpus.DiagramsDirectory, "*.bpmn").OrderBy(f => f).Select(f => new object[] { f });

    public static IEnumerable<object[]> CorpusFiles() => ConformanceSuite.BpmnMiwg.Files("*.bpmn").Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Files))]
    public void Damaged_file_is_reported_not_crashed_on(string path) => DamageAndCheck(path);

    [ConformanceTheory(Suite.BpmnMiwg)]
    [MemberData(nameof(CorpusFiles))]
    public void Damaged_corpus_file_is_reported_not_crashed_on(string path) => DamageAndCheck(path);

    private static void DamageAndCheck(string path)
    {
        var original = File.ReadAllText(path);
        for (var seed = 1; seed <= 15; seed++)
        {
            var random = new Random(seed);
            var doc = XDocument.Parse(original);
            var elements = doc.Descendants().Skip(1).ToList();
            for (var i = 0; i < 1 + random.Next(4); i++)
            {
                var victim = elements[random.Next(elements.Count)];
                if (random.Next(2) == 0 && victim.Attributes().Any())
                    victim.Attributes().ElementAt(random.Next(victim.Attributes().Count())).Remove();
                else if (victim.Parent is not null)
                    victim.Remove();
            }
            try
            {
                var definitions = BpmnParser.Parse(doc.ToString());
                var problems = BpmnValidator.Validate(definitions);
                if (BpmnValidator.IsValid(problems))
                    foreach (var model in ProcessModel.CreateAll(definitions))
                        Assert.NotNull(model.NoneStartEvent ?? model.Process.StartEvents.FirstOrDefault());
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{Path.GetFileName(path)} seed {seed}: {e}");
            }
        }
    }
}
