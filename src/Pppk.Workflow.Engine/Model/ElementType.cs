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

/// <summary>The categories of element types that validation and the model ask about.</summary>
internal static class ElementTypes
{
    public static bool IsActivity(this ElementType type) => type is ElementType.Task or ElementType.UserTask or ElementType.ServiceTask
        or ElementType.SendTask or ElementType.ReceiveTask or ElementType.ScriptTask or ElementType.BusinessRuleTask or ElementType.ManualTask
        or ElementType.SubProcess or ElementType.CallActivity or ElementType.AdHocSubProcess or ElementType.Transaction;

    public static bool IsGateway(this ElementType type) => type is ElementType.ExclusiveGateway or ElementType.ParallelGateway
        or ElementType.InclusiveGateway or ElementType.EventBasedGateway or ElementType.ComplexGateway;
}
