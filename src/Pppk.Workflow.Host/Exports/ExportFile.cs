using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Exports;

/// <summary>
/// The answer of an export: reads the list's first page (its total decides whether the cap refuses it), records the
/// export in the access log before any row leaves, then streams the file page by page as <c>{stem}-{WITA date}.{format}</c>.
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
        var first = await table.ReadPage(0, limits.PageRows, ct);
        if (first.Total > limits.MaxRows)
        {
            await LocalizedProblem.BadRequest(ExportTexts.TooManyRows.Format(first.Total.ToString("N0", CultureInfo.GetCultureInfo("id-ID")),
                limits.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))), limit: limits.MaxRows).ExecuteAsync(http);
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

        var pages = Pages(first, limits, ct);
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

    /// <summary>The rows of <paramref name="first"/> and of the pages after it, until the total (or the cap) is reached.</summary>
    private async IAsyncEnumerable<object?[]> Pages(ExportPage first, ExportOptions limits, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (page, written) = (first, 0);
        while (true)
        {
            foreach (var row in page.Rows)
            {
                if (written++ >= limits.MaxRows) yield break;
                yield return row;
            }
            if (page.Rows.Count < limits.PageRows || written >= page.Total) yield break;
            page = await table.ReadPage(written, limits.PageRows, ct);
        }
    }

    private static string Truncated(string s) => s.Length <= 1000 ? s : s[..1000];
}
