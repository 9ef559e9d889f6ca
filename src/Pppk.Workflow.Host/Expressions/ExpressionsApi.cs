using System.Text.Json.Nodes;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Host.Api;

namespace Pppk.Workflow.Host.Expressions;

/// <summary><c>POST /api/expressions/evaluate</c>: the designer's "try this expression" box.</summary>
public static class ExpressionsApi
{
    public sealed record EvaluateBody(string? Expression, JsonObject? Context);

    /// <summary>The value as JSON and its FEEL type (<c>Number</c>, <c>String</c>, <c>Date</c>, …).</summary>
    public sealed record EvaluateAnswer(JsonNode? Result, string Type);

    public static void MapExpressionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/expressions/evaluate", (EvaluateBody body, FeelEnvironment environment, HttpRequest request) =>
        {
            if (body.Expression is null) return Results.Problem(title: "expression is required.", statusCode: 400);
            var text = body.Expression.StartsWith('=') ? body.Expression[1..] : body.Expression;
            try
            {
                var expression = FeelExpression.Parse(text, environment.Limits);
                var result = expression.Evaluate(FeelScope.FromJson(body.Context ?? []), environment);
                return Results.Ok(new EvaluateAnswer(result.ToJson(), result.Type.ToString()));
            }
            catch (FeelSyntaxException e)
            {
                return Results.Json(new
                {
                    type = "https://pppk.workflow/problems/feel-syntax",
                    title = FeelTexts.NotValidFeel.Format(e.ReasonText).In(request.Language()),
                    status = 400,
                    detail = e.Text.In(request.Language()),
                    code = e.ReasonText.Code,
                    line = e.Line,
                    column = e.Column,
                }, statusCode: 400, contentType: "application/problem+json");
            }
            catch (FeelLimitException e)
            {
                return Results.Json(new
                {
                    type = "https://pppk.workflow/problems/feel-limit",
                    title = FeelTexts.EvaluationStopped.Format(e.Text).In(request.Language()),
                    status = 400,
                    detail = e.Text.In(request.Language()),
                    code = e.Code,
                }, statusCode: 400, contentType: "application/problem+json");
            }
        }).RequireAuthorization(Roles.HrAdmin).Produces<EvaluateAnswer>();
    }
}
