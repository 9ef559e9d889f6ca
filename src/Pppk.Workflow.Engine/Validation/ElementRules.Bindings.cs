using System.Text.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

// Links to other resources (bindingType, versionTag), embedded forms and task priority: read, never silently dropped.
internal sealed partial class ElementRules
{
    private void CheckBindings(FlowNode node)
    {
        if (node.ElementType == ElementType.CallActivity && node.CalledElement?.Binding is { } call)
            CheckBinding(node.Id, call);
        if (node.ElementType == ElementType.BusinessRuleTask && node.CalledDecision is { } decision)
            CheckBinding(node.Id, decision.Binding);
        if (node.ElementType != ElementType.UserTask || node.UserTask is not { } task)
            return;
        if (task.FormBinding is { } form && CheckBinding(node.Id, form) && !form.IsLatest && task.FormId is { } formId && ExpressionCache.IsExpression(formId))
            Error(node.Id, T.FormBindingNeedsFixedId.Format(node.Id, form.ToString()));
        if (EmbeddedForm.IdOf(task.FormKey) is { } embedded)
            CheckEmbeddedForm(node.Id, embedded);
        if (task.Priority is { } priority && !ExpressionCache.IsExpression(priority) && TaskPriority.Parse(priority) is null)
            Error(node.Id, T.PriorityInvalid.Format(node.Id, priority));
    }

    /// <summary>True when the binding names a type this engine runs (and, for versionTag, a tag).</summary>
    private bool CheckBinding(string elementId, ResourceBinding binding)
    {
        switch (binding.Type)
        {
            case null:
                Error(elementId, T.BindingTypeUnknown.Format(elementId, binding.Written));
                return false;
            case BindingType.VersionTag when string.IsNullOrWhiteSpace(binding.VersionTag):
                Error(elementId, T.BindingVersionTagMissing.Format(elementId));
                return false;
            case not BindingType.VersionTag when !string.IsNullOrWhiteSpace(binding.VersionTag):
                Warn(elementId, T.BindingVersionTagUnused.Format(elementId, binding.VersionTag, binding.ToString()));
                return true;
            default:
                return true;
        }
    }

    private void CheckEmbeddedForm(string elementId, string formId)
    {
        if (!process.EmbeddedForms.TryGetValue(formId, out var json))
        {
            Error(elementId, T.EmbeddedFormMissing.Format(elementId, formId));
            return;
        }
        try
        {
            if (JsonNode.Parse(json) is not JsonObject)
                Error(elementId, T.EmbeddedFormInvalid.Format(formId, "not an object"));
        }
        catch (JsonException e)
        {
            Error(elementId, T.EmbeddedFormInvalid.Format(formId, e.Message));
        }
    }
}
