using Fluid;
using Fluid.Ast;

namespace Pppk.Workflow.Notifications.Templates;

public sealed partial class EmailTemplates
{
    /// <summary>
    /// The variables template <paramref name="name"/> reads from the task (any branch of any part), less those it marks
    /// optional, sets itself (assign, capture, for) and the globals: what a task must provide. Empty for an unknown template.
    /// </summary>
    public IReadOnlySet<string> Variables(string name)
    {
        if (!_templates.TryGetValue(name, out var template)) return new HashSet<string>();
        var reads = new TemplateReads();
        foreach (var part in new[] { template.Subject, template.Html, template.Text }) reads.VisitTemplate(part);
        reads.Read.ExceptWith(reads.Set);
        reads.Read.ExceptWith(template.Optional);
        reads.Read.ExceptWith(Globals.Keys);
        reads.Read.Remove("sekarang");
        return reads.Read;
    }
}

/// <summary>Walks a Liquid template: the first name of every member expression it reads, and the names it sets itself.</summary>
internal sealed class TemplateReads : AstVisitor
{
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false" };

    public SortedSet<string> Read { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Set { get; } = new(StringComparer.Ordinal);

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment first && !Builtins.Contains(first.Identifier))
            Read.Add(first.Identifier);
        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        Set.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        Set.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        Set.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }
}
