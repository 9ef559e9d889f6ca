using System.Net.Http.Headers;
using System.Text;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>One request of the suite: what it tries (for the report) and how to build it (a request is sent once).</summary>
public sealed record Probe(string Name, string Method, string Url, Func<HttpContent?> Content)
{
    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url) { Content = Content() };
        // A body the server refuses by its length alone is not sent (413 before "100 Continue"), as a careful client does.
        if (request.Content?.Headers.ContentLength > 512 * 1024) request.Headers.ExpectContinue = true;
        return request;
    }

    public override string ToString() => $"{Method} {Shorten(Url)} [{Name}]";

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}

/// <summary>Request bodies, exactly as sent.</summary>
public static class Body
{
    public static HttpContent Json(string json) => Raw(Encoding.UTF8.GetBytes(json), "application/json");

    public static HttpContent Text(string text, string contentType) => Raw(Encoding.UTF8.GetBytes(text), contentType);

    public static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
