using System.Text.Json.Nodes;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Host.Messages;

/// <summary><c>POST /api/messages</c>: correlate a message (e.g. the NI notice from BKN, CAT scores ready) or start by message.</summary>
public static class MessagesApi
{
    public sealed record PublishBody(string? Name, string? CorrelationKey, JsonObject? Variables, string? MessageId, int? TimeToLiveSeconds);

    public static void MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", async (PublishBody body, MessageService messages, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Results.Problem(title: "name is required.", statusCode: 400);
            var result = await messages.PublishAsync(new(body.Name, body.CorrelationKey, body.Variables, body.MessageId, body.TimeToLiveSeconds), http.User.Identity?.Name, ct);
            return Results.Ok(result);
        }).RequireAuthorization(Roles.HrAdmin).Produces<MessageService.Result>();
    }
}
