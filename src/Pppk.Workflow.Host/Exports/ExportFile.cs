using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Exports;

/// <summary>
/// The answer of an export: counts the list up to the cap (a longer list is refused), records the export in the access
/// log before any row leaves, then streams the file chunk by chunk (each read after the last, by keyset for the big
/// lists) as <c>{stem}-{WITA date}.{format}</c>: memory holds one chunk whatever the size.
/// </summary>
internal sealed class ExportFile(string list, ExportTable table, bool xlsx) : IResult
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var limits = services.GetRequiredService<IOptions<ExportOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<RuntimeOptions>>().Value.TimeZone);
        if (await table.Rows.CountAsync(limits.MaxRows, ct) > limits.MaxRows)
        {
            await LocalizedProblem.BadRequest(ExportTexts.TooManyRows.Format(limits.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))),
                limit: limits.MaxRows).ExecuteAsync(http);
            return;
        }
        // An export is a read of many people's data: recorded (or refused, when it cannot be) before the first row goes out.
        await services.GetRequiredService<AccessRecorder>().RecordAsync(http.User.Identity?.Name ?? "anonymous", AccessKinds.Export,
            Truncated(list + http.Request.QueryString.Value), null, ct);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone).DateTime);
        var fileName = $"{table.FileStem}-{today:yyyy-MM-dd}.{(xlsx ? "xlsx" : "csv")}";
        http.Response.ContentType = xlsx ? XlsxType : CsvType;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        http.Response.Headers.CacheControl = "no-store";

        var pages = Rows(limits, ct);
        if (xlsx)
        {
            await using var body = new AsyncOnlyStream(http.Response.Body);
            await using (var sheet = await XlsxExport.StartAsync(body, table, zone, ct))
            {
                await foreach (var row in pages) await sheet.AddRowAsync(row, ct);
                await sheet.FinishAsync(ct);
            }
            await body.FlushAsync(ct);
        }
        else
        {
            await using var writer = CsvExport.Writer(http.Response.Body);
            var csv = new CsvExport(writer, table.Columns, zone);
            await csv.AddHeaderAsync();
            await foreach (var row in pages) await csv.AddRowAsync(row);
            await writer.FlushAsync(ct);
        }
    }

    /// <summary>The list's rows, a chunk (<see cref="ExportOptions.PageRows"/>) at a time, until the list or the cap ends.</summary>
    private async IAsyncEnumerable<object?[]> Rows(ExportOptions limits, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (after, written) = ((object?)null, 0);
        do
        {
            var chunk = await table.Rows.ReadAsync(after, limits.PageRows, ct);
            foreach (var row in chunk.Rows)
            {
                if (written++ >= limits.MaxRows) yield break;
                yield return row;
            }
            after = chunk.Next;
        }
        while (after is not null);
    }

    private static string Truncated(string s) => s.Length <= 1000 ? s : s[..1000];
}
