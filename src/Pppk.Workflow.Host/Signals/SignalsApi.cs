using System.Text.Json.Nodes;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Signals;

namespace Pppk.Workflow.Host.Signals;

/// <summary><c>POST /api/signals</c>: broadcast a signal (e.g. "the announcement is postponed") to every instance waiting for it, and start the processes with a matching signal start.</summary>
public static class SignalsApi
{
    public sealed record BroadcastBody(string? Name, JsonObject? Variables);

    public static void MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/signals", async (BroadcastBody body, SignalService signals, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Results.Problem(title: "name is required.", statusCode: 400);
            var result = await signals.BroadcastAsync(body.Name, body.Variables, http.User.Identity?.Name, ct);
            return Results.Ok(result);
        }).RequireAuthorization(Roles.HrAdmin).Produces<SignalService.Result>();
    }
}
