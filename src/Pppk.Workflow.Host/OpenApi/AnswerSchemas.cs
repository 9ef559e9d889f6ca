using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pppk.Workflow.Host.OpenApi;

/// <summary>
/// How the answer and body types become schemas: each type its own name (a nested type carries its outer type's:
/// <c>MessageService.Result</c> is <c>MessageServiceResult</c>, not the <c>Result</c> of <c>SignalService</c>), and numbers as numbers.
/// </summary>
internal static class AnswerSchemas
{
    private static readonly ConcurrentDictionary<string, Type> Named = new(StringComparer.Ordinal);

    /// <summary>
    /// The schema's id: the default's (null keeps a schema inline), spelled from the type's full nesting. Two types that
    /// would still share an id stop the document's build (a shared id silently describes one answer with the other's schema).
    /// </summary>
    public static string? Id(JsonTypeInfo type)
    {
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(type) is null) return null;
        var id = NameOf(type.Type);
        var owner = Named.GetOrAdd(id, type.Type);
        return owner == type.Type ? id
            : throw new InvalidOperationException($"Two types have the OpenAPI schema id '{id}': {owner.FullName} and {type.Type.FullName}.");
    }

    private static string NameOf(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Join("And", type.GetGenericArguments().Select(NameOf))
            : type.Name;
        return type.DeclaringType is { } outer ? NameOf(outer) + name : name;
    }

    /// <summary>
    /// Numbers as numbers: the serializer writes them so, but reads strings too (the web defaults), which the generator
    /// describes as "integer or a string of digits" and a client generator turns into a union. Any client sends numbers.
    /// </summary>
    public static Task NumbersAsNumbers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
