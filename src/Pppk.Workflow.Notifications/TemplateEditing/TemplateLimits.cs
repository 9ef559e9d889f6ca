namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>How large an edited template may be: far above the shipped ones (the largest HTML part is about 3 KB), below the host's 64 KB per JSON string.</summary>
public static class TemplateLimits
{
    public const int Subject = 500;
    public const int Html = 60_000;
    public const int Text = 30_000;
    public const int Comment = 500;

    /// <summary>Sample variables sent to a preview.</summary>
    public const int SampleVariables = 200;
}
