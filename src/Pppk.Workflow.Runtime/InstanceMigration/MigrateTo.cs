using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Migration;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.InstanceMigration;

/// <summary>
/// The runtime's trigger for a checked migration: the step runs the engine's migration and moves the instance to the
/// target version, so every later step (in this transaction too) runs with the target model.
/// </summary>
internal sealed record MigrateTo(DefinitionStore.Deployed Source, DefinitionStore.Deployed Target, IReadOnlyList<ElementMapping> Mappings) : Trigger
{
    public StepResult Run(WorkflowEngine engine, LoadedInstance instance)
    {
        var result = engine.Migrate(Source.Model, Target.Model, instance.State, Mappings);
        instance.DefinitionId = Target.Id;
        instance.Version = Target.Version;
        return result;
    }
}
