namespace Pppk.Workflow.Host.OpenApi;

/// <summary>
/// An unpaged list's answer, <c>{ "items": [...] }</c>: a named type so the OpenAPI document can describe it (the JSON is
/// the same as the anonymous <c>new { items }</c> it replaces).
/// </summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
