using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Engine.Tests.Support;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Validation;

/// <summary>Every file of the BPMN Model Interchange Working Group corpus parses and validates without an exception: valid, or errors that name elements (skipped when the corpus is absent).</summary>
public class MiwgCorpusTests
{
    [ConformanceFact(Suite.BpmnMiwg)]
    public void The_corpus_is_there()
    {
        Assert.True(Directory.Exists(Corpus.MiwgDirectory), $"MIWG corpus not found at {Corpus.MiwgDirectory}");
        Assert.True(Corpus.MiwgFiles().Count() >= 20);
    }

    [ConformanceTheory(Suite.BpmnMiwg)]
    [MemberData(nameof(Corpus.MiwgFiles), MemberType = typeof(Corpus))]
    public void Corpus_file_parses_and_validates_without_exception(string file)
    {
        var definitions = BpmnParser.Parse(File.ReadAllText(Path.Combine(Corpus.MiwgDirectory, file)));
        var problems = BpmnValidator.Validate(definitions);
        Assert.NotEmpty(definitions.Processes);
        var ids = definitions.Processes.SelectMany(p => p.AllNodes.Keys.Concat(p.AllFlows.Keys).Append(p.Id)).ToHashSet();
        foreach (var problem in problems.Where(p => p.Severity == Severity.Error && p.ElementId is not null))
            Assert.True(ids.Contains(problem.ElementId!) || definitions.Source.Descendants().Any(e => (string?)e.Attribute("id") == problem.ElementId), $"{problem} names an unknown element");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        // executable ones also compile into models
        foreach (var model in ProcessModel.CreateAll(definitions))
            Assert.NotNull(model.Process);
    }

    [ConformanceTheory(Suite.BpmnMiwg)]
    [MemberData(nameof(Corpus.MiwgFiles), MemberType = typeof(Corpus))]
    public void Corpus_file_round_trips_through_the_writer(string file)
    {
        var first = BpmnParser.Parse(File.ReadAllText(Path.Combine(Corpus.MiwgDirectory, file)));
        var second = BpmnParser.Parse(BpmnWriter.Write(first));
        Assert.Equal(first.Processes.SelectMany(p => p.AllNodes.Keys), second.Processes.SelectMany(p => p.AllNodes.Keys));
        Assert.Equal(first.Processes.SelectMany(p => p.AllFlows.Keys), second.Processes.SelectMany(p => p.AllFlows.Keys));
    }
}
