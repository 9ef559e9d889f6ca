using System.Text.Json.Nodes;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Modification;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Modification;

namespace Pppk.Workflow.Host.Instances;

/// <summary><c>POST /api/instances/{id}/modification</c>: activate elements and terminate element instances in one step (docs/modification.md).</summary>
public static class ModificationApi
{
    /// <summary>Activations, and terminations, one call may ask for.</summary>
    public const int MaxItems = 100;

    public sealed record ActivateItem(string? ElementId, JsonObject? Variables);

    public sealed record TerminateItem(string? ElementId);

    public sealed record ModificationBody(List<ActivateItem?>? Activate, List<TerminateItem?>? Terminate);

    public sealed record Activated(string ElementId, long ElementInstanceKey);

    /// <summary>The elements started (with their new element instances) and how many element instances ended.</summary>
    public sealed record ModificationAnswer(Guid InstanceId, IEnumerable<Activated> Activated, int Terminated);

    public static void MapModificationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/instances/{id:guid}/modification", async (Guid id, ModificationBody? body, ModificationService modifications, HttpContext http, CancellationToken ct) =>
        {
            var activate = body?.Activate ?? [];
            var terminate = body?.Terminate ?? [];
            if (BodyProblems(activate, terminate) is { Count: > 0 } problems)
                return Refused(problems, http);
            var modification = new ModifyInstance(
                activate.Select(a => new ElementActivation(a!.ElementId!, a.Variables?.DeepClone().AsObject())).ToList(),
                terminate.Select(t => t!.ElementId!).ToList());
            try
            {
                var done = await modifications.ModifyAsync(id, modification, http.User.Identity?.Name, ct);
                return Results.Ok(new ModificationAnswer(done.InstanceId, done.Activated.Select(a => new Activated(a.ElementId, a.ElementInstanceKey)),
                    done.Terminated));
            }
            catch (ModificationRefusedException refused)
            {
                return Refused(refused.Problems, http);
            }
        }).RequireAuthorization(Roles.HrAdmin).Produces<ModificationAnswer>(); // as cancelling an instance
    }

    /// <summary>The body's own problems (too many items, an element id missing or too long), every one, before the instance is touched.</summary>
    private static List<ModificationProblem> BodyProblems(List<ActivateItem?> activate, List<TerminateItem?> terminate)
    {
        var problems = new List<ModificationProblem>();
        foreach (var (field, count) in new[] { ("activate", activate.Count), ("terminate", terminate.Count) })
            if (count > MaxItems)
                problems.Add(ModificationProblem.Of(ModificationBodyTexts.TooManyItems.Format(field, count, MaxItems)));
        var ids = activate.Select((a, i) => ($"activate[{i}].elementId", a?.ElementId)).Concat(terminate.Select((t, i) => ($"terminate[{i}].elementId", t?.ElementId)));
        foreach (var (field, elementId) in ids)
        {
            if (string.IsNullOrWhiteSpace(elementId))
                problems.Add(ModificationProblem.Of(ModificationBodyTexts.ElementIdMissing.Format(field)));
            else if (elementId.Length > InputLimits.Key)
                problems.Add(ModificationProblem.Of(ModificationBodyTexts.ElementIdTooLong.Format(field, elementId.Length, InputLimits.Key)));
        }
        return problems;
    }

    private static IResult Refused(IReadOnlyList<ModificationProblem> problems, HttpContext http)
    {
        var language = http.Request.Language();
        var items = problems.Select(p => new { code = p.Code, elementId = p.ElementId, message = p.Message.In(language) }).ToList();
        return new Runtime.Api.LocalizedProblem(ModificationBodyTexts.Refused.Format(problems.Count), StatusCodes.Status400BadRequest,
            new Dictionary<string, object?> { ["problems"] = items });
    }
}
