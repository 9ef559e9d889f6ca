using Microsoft.Extensions.FileProviders;

namespace Pppk.Workflow.Host.Web;

/// <summary>
/// Serves the built front end (<c>src/Pppk.Workflow.Web</c>, copied to <c>web/</c> beside the program) and answers every
/// other non-API path with its <c>index.html</c>, so the single-page app owns its routes (sign-in included).
/// </summary>
public static class WebFront
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "web");

    /// <summary>Whether the front end was built into this program's folder.</summary>
    public static bool Built => File.Exists(Path.Combine(Root, "index.html"));

    public static void UseWebFrontFiles(this WebApplication app)
    {
        if (!Built) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Root),
            // Hashed bundle names never change content; index.html must always be fresh.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        // Routing after the files: otherwise the catch-all fallback would claim /assets/* before the files are served.
        app.UseRouting();
    }

    public static void MapWebFront(this WebApplication app)
    {
        // "{*path}", not the default "{*path:nonfile}": app routes may hold dots.
        app.MapFallback("{*path}", async (HttpContext http) =>
        {
            var path = http.Request.Path;
            // A missing bundle file is a 404, not the app; app routes may hold dots (process keys like "pppk.seleksi").
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/health") || path.StartsWithSegments("/assets"))
                return Results.Problem(title: $"Nothing at {path}.", statusCode: 404);
            var index = Path.Combine(Root, "index.html");
            if (!File.Exists(index))
                return Results.Content("<!doctype html><p>Antarmuka web belum dibangun: jalankan <code>dotnet build</code> (membangun src/Pppk.Workflow.Web).</p>",
                    "text/html; charset=utf-8");
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Content(await File.ReadAllTextAsync(index, http.RequestAborted), "text/html; charset=utf-8");
        })
        // Pages are read, never posted to: were the fallback any method, routing would take it for a POST of the wrong
        // content type or a wrong method on an API route, answering 404 instead of 415 or 405.
        .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
        .AllowAnonymous();
    }
}
