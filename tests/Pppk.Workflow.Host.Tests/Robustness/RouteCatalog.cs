using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>One route of the host, as the robustness suite calls it: read from the app's endpoints, so a new route is covered without listing it.</summary>
public sealed record Route(string Method, RoutePattern Pattern, IReadOnlyList<QueryParameter> Query, Type? Body, bool Anonymous)
{
    public string Template => Pattern.RawText ?? "";

    public IEnumerable<RoutePatternParameterPart> Parameters => Pattern.Parameters;

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Template}";

    /// <summary>The path with each parameter's value, taken as already URL-encoded (bad values go in as raw bytes).</summary>
    public string Path(Func<RoutePatternParameterPart, string> value)
    {
        var path = string.Join("/", Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => value(parameter),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
        return "/" + path.TrimStart('/');
    }
}

/// <summary>A query parameter of a route's handler (a simple-typed parameter that is not in the path).</summary>
public sealed record QueryParameter(string Name, Type Type)
{
    public bool IsNumber => (Nullable.GetUnderlyingType(Type) ?? Type) is var t && (t == typeof(int) || t == typeof(long));
}

public static class RouteCatalog
{
    /// <summary>Every route of the host with its methods (a route without method metadata, the Hangfire dashboard, as GET and POST).</summary>
    public static IReadOnlyList<Route> From(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(method => Of(endpoint, method)))
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    private static Route Of(RouteEndpoint endpoint, string method)
    {
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var inPath = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = handler?.GetParameters() ?? [];
        var query = parameters.Where(p => IsSimple(p.ParameterType) && !inPath.Contains(p.Name!)).Select(p => new QueryParameter(p.Name!, p.ParameterType)).ToList();
        // A JSON body is a record declared in the *Api class that maps the route.
        var body = parameters.Select(p => p.ParameterType).FirstOrDefault(t => t.DeclaringType?.Name.EndsWith("Api", StringComparison.Ordinal) == true);
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
        return new Route(method, endpoint.RoutePattern, query, body, anonymous);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(decimal) || t.IsEnum
            || (t.IsPrimitive && t != typeof(IntPtr));
    }
}
