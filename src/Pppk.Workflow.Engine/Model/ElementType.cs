namespace Pppk.Workflow.Engine.Model;

/// <summary>What a flow node is, resolved once by the parser from its BPMN local name; the engine switches on this, never on the name.</summary>
internal enum ElementType
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    UserTask,
    ServiceTask,
    SendTask,
    ReceiveTask,
    ScriptTask,
    BusinessRuleTask,
    ManualTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    ComplexGateway,
    SubProcess,
    AdHocSubProcess,
    Transaction,
    CallActivity,
    CallChoreography,
    ChoreographyTask,
    SubChoreography,
}
