using System.Net;

namespace Pppk.Workflow.Host.Auth;

/// <summary>A plain sign-in page (the web front replaces it with its own; this one works without JavaScript).</summary>
public static class LoginPage
{
    public static void MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl, string? error) =>
        {
            var message = error switch
            {
                "throttled" => "<p class=\"error\">Terlalu banyak percobaan masuk dari alamat jaringan Anda. Coba lagi beberapa menit lagi.</p>",
                { Length: > 0 } => "<p class=\"error\">Nama pengguna atau kata sandi salah.</p>",
                _ => "",
            };
            var html = $$"""
                <!doctype html>
                <html lang="id"><head><meta charset="utf-8"><title>Masuk - Pppk.Workflow</title>
                <style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label{display:block;margin:.6rem 0}
                input{width:100%;padding:.4rem}button{padding:.5rem 1.2rem}.error{color:#b00020}</style></head>
                <body><h1>Pppk.Workflow</h1><p>BKPSDM - Sistem Alur Kerja PPPK</p>{{message}}
                <form method="post" action="/api/auth/login">
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(LocalUrl.IsLocalPath(returnUrl) ? returnUrl : "/")}}">
                <label>Nama pengguna <input name="userName" autocomplete="username" required autofocus></label>
                <label>Kata sandi <input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit">Masuk</button></form></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).AllowAnonymous();
    }
}
