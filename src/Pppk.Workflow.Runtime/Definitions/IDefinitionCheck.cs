using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// A deploy-time check another project adds (e.g. that an email task names a template that exists). Its problems are
/// errors: a file that fails one is not deployed, and the problem names the element. Messages come from the checking
/// project's own catalog of <see cref="TextTemplate"/>s, so they render in English or Indonesian.
/// </summary>
public interface IDefinitionCheck
{
    IEnumerable<(string ElementId, LocalizedText Message)> Check(BpmnDefinitions definitions);

    /// <summary>Warnings: what will likely fail at run time but may be fine (e.g. a variable nothing in the process seems to set).</summary>
    IEnumerable<(string ElementId, LocalizedText Message)> Warn(BpmnDefinitions definitions, VariableSupply supply) => [];
}
