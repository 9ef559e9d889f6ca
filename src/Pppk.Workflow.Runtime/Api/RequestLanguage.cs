using Microsoft.AspNetCore.Http;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Api;

public static class RequestLanguage
{
    /// <summary>
    /// The language of the user-facing texts in an answer: Indonesian when the request's Accept-Language prefers <c>id</c>
    /// (the web front always sends it), English otherwise, so API clients and logs keep the English texts.
    /// </summary>
    public static Language Language(this HttpRequest request) => Languages.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
}
