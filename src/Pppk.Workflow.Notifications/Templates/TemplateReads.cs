using Fluid;
using Fluid.Ast;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>
/// What a parsed template reads: the top-level variables (the first name of each <c>{{ a.b }}</c>, minus what the template
/// assigns itself: for-loop items, assign and capture) and the filters it calls.
/// </summary>
internal sealed class TemplateReads : AstVisitor
{
    private readonly SortedSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _local = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false" };

    public SortedSet<string> Filters { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Variables => _read.Where(v => !_local.Contains(v));

    public static TemplateReads Of(params IFluidTemplate[] templates)
    {
        var reads = new TemplateReads();
        foreach (var template in templates) reads.VisitTemplate(template);
        return reads;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment first) _read.Add(first.Identifier);
        return base.VisitMemberExpression(memberExpression);
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        Filters.Add(filterExpression.Name);
        return base.VisitFilterExpression(filterExpression);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _local.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _local.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        _local.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }
}
