using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// A deploy-time check another project adds (e.g. that an email task names a template that exists). Its problems are
/// errors: a file that fails one is not deployed, and the problem names the element.
/// </summary>
public interface IDefinitionCheck
{
    IEnumerable<(string ElementId, string Message)> Check(BpmnDefinitions definitions);
}
