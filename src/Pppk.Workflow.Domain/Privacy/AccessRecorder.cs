using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Pppk.Workflow.Domain.Privacy;

/// <summary>
/// Writes one access-log row per read, before the answer leaves: if the row cannot be written the read fails too
/// (UU 27/2022 accountability: no personal data goes out unrecorded). One INSERT, about one round trip.
/// </summary>
public sealed class AccessRecorder(NpgsqlDataSource db)
{
    public async Task RecordAsync(string user, string kind, string recordId, string? personNik, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("INSERT INTO pppk.access_log (at, user_name, kind, record_id, person_nik) VALUES (now(), @user, @kind, @record, @nik)");
        cmd.Parameters.AddWithValue("user", user);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("record", recordId);
        cmd.Parameters.AddWithValue("nik", (object?)personNik ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

public static class AccessRecording
{
    /// <summary>Records each successful (200) answer of this endpoint: the caller, <paramref name="kind"/> and the route's id.</summary>
    public static RouteHandlerBuilder RecordsAccess(this RouteHandlerBuilder endpoint, string kind, string routeValue = "id") =>
        endpoint.RecordsAccess<object>(kind, _ => null, routeValue);

    /// <summary>As <see cref="RecordsAccess(RouteHandlerBuilder, string, string)"/>, with the person (NIK) read from the answer.</summary>
    public static RouteHandlerBuilder RecordsAccess<T>(this RouteHandlerBuilder endpoint, string kind, Func<T, string?> person, string routeValue = "id") =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: var value })
            {
                var http = context.HttpContext;
                var id = Convert.ToString(http.Request.RouteValues[routeValue], CultureInfo.InvariantCulture) ?? "";
                await http.RequestServices.GetRequiredService<AccessRecorder>()
                    .RecordAsync(http.User.Identity?.Name ?? "anonymous", kind, id, value is T t ? person(t) : null, http.RequestAborted);
            }
            return result;
        });
}
