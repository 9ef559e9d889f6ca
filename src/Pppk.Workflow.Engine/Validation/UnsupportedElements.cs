using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>What the engine does not run, with what to draw instead.</summary>
internal static class UnsupportedElements
{
    public static LocalizedText? ForNodeType(FlowNode node) => node.ElementType switch
    {
        ElementType.ComplexGateway => T.ComplexGateway.Format(),
        ElementType.AdHocSubProcess => T.AdHocSubProcess.Format(),
        ElementType.Transaction => T.Transaction.Format(),
        ElementType.CallChoreography or ElementType.ChoreographyTask or ElementType.SubChoreography => T.Choreography.Format(),
        _ => null,
    };

    public static LocalizedText ForScopeChild(string localName) => localName switch
    {
        "dataObject" or "dataObjectReference" => T.DataObject.Format(),
        "dataStoreReference" or "dataStore" => T.DataStore.Format(),
        _ => T.UnsupportedChild.Format(localName),
    };
}
