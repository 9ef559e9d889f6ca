namespace Pppk.Workflow.Engine.Model;

/// <summary>A form kept in the BPMN file (<c>zeebe:userTaskForm</c>), linked from a user task's <c>formKey</c> as Camunda 8 writes it.</summary>
public static class EmbeddedForm
{
    public const string KeyPrefix = "camunda-forms:bpmn:";

    /// <summary>The embedded form's id a form key names; null when the key is not an embedded form's.</summary>
    public static string? IdOf(string? formKey) =>
        formKey is not null && formKey.StartsWith(KeyPrefix, StringComparison.Ordinal) ? formKey[KeyPrefix.Length..] : null;
}
