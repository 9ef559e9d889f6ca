using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>Warns at deployment about a handler's required input that nothing in the process provides (it would fail at run time).</summary>
internal sealed class JobInputCheck(JobHandlerRegistry handlers) : IDefinitionCheck
{
    public IEnumerable<(string ElementId, LocalizedText Message)> Check(BpmnDefinitions definitions) => [];

    public IEnumerable<(string ElementId, LocalizedText Message)> Warn(BpmnDefinitions definitions, VariableSupply supply) =>
        from process in definitions.ExecutableProcesses
        from node in process.AllNodes.Values
        let described = node.TaskDefinition?.Type is { } type ? handlers.Describe(type) : null
        where described is not null
        from input in described.Inputs
        where input.Required && !supply.Provides(process, node, input.Name)
        select (node.Id, DeploymentTexts.JobInputNotProvided.Format(node.Name ?? node.Id, input.Name, input.Label));
}
