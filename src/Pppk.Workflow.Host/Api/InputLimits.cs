namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Every limit on what a caller sends, in one place (README, "Limits"). These are fixed: no PPPK value comes near them,
/// and the database columns and indexes they protect do not change per deployment. The limits a deployment may want to
/// change (body sizes, batch size) are in <see cref="LimitsOptions"/> (section <c>Limits</c>); the CSV import limits in
/// <see cref="Pppk.Workflow.Domain.Imports.ImportLimits"/> (section <c>Limits:Imports</c>).
/// <para>
/// <see cref="InputGuard"/> applies them to every request before an endpoint runs: no text with a NUL character or
/// invalid Unicode anywhere (query, route, JSON at any depth, form fields, file names), and each field by its name below.
/// </para>
/// </summary>
public static class InputLimits
{
    /// <summary>Identifiers: definition keys, business keys (an indexed column), message names and correlation keys, ids in the path.</summary>
    public const int Key = 256;

    /// <summary>A user name: sign-in, new users, assignees (Identity's column holds 256).</summary>
    public const int UserName = 100;

    /// <summary>A password (at least 10 by the password rules).</summary>
    public const int Password = 128;

    public const int Email = 254;

    public const int FullName = 200;

    /// <summary>A unit (OPD) code such as DISDIKBUD.</summary>
    public const int UnitCode = 32;

    /// <summary>The search box of the lists (formations, applicants, employees, users).</summary>
    public const int Search = 100;

    /// <summary>A NIK linked to a user: 16 digits, with room for a mistyped one to get the digits' own message.</summary>
    public const int Nik = 32;

    /// <summary>A reason given by a person (cancelling an instance).</summary>
    public const int Reason = 2_000;

    /// <summary>A FEEL expression in the designer's try-out box.</summary>
    public const int Expression = 10_000;

    /// <summary>A local return address after sign-in.</summary>
    public const int ReturnUrl = 2_048;

    /// <summary>Any other string in a JSON body (variables included).</summary>
    public const int Text = 65_536;

    /// <summary>Any other query parameter or route value.</summary>
    public const int QueryValue = 256;

    /// <summary>The name of an uploaded file (stored with the definition).</summary>
    public const int FileName = 255;

    /// <summary>Roles given to one user.</summary>
    public const int Roles = 20;

    /// <summary>Variables one call may set (start, batch item, task completion, message, set variables, expression context).</summary>
    public const int Variables = 500;

    /// <summary>The size of those variables as JSON, per call.</summary>
    public const int VariablesBytes = 256 * 1024;

    /// <summary>Element mappings in one migration plan (a process has far fewer elements).</summary>
    public const int MigrationMappings = 1_000;

    /// <summary>How deep a JSON body may nest (objects and arrays).</summary>
    public const int JsonDepth = 64;

    /// <summary>The last page a list serves (<see cref="Paging"/>).</summary>
    public const int MaxPage = Paging.MaxPage;

    /// <summary>The largest page (docs/api.md: pageSize at most 500).</summary>
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>
    /// Fields by name: a JSON property of that name (at any depth outside variables), a query parameter or a form field.
    /// A name not listed gets <see cref="Text"/> in JSON and <see cref="QueryValue"/> in a query or the path.
    /// </summary>
    internal static Dictionary<string, FieldRule> Fields(LimitsOptions options) => new(StringComparer.Ordinal)
    {
        ["definitionKey"] = FieldRule.Text(Key),
        ["businessKey"] = FieldRule.Text(Key),
        ["name"] = FieldRule.Text(Key),
        ["correlationKey"] = FieldRule.Text(Key),
        ["messageId"] = FieldRule.Text(Key),
        ["assignee"] = FieldRule.Text(UserName),
        ["userName"] = FieldRule.Text(UserName),
        ["password"] = FieldRule.Text(Password),
        ["email"] = FieldRule.Text(Email),
        ["fullName"] = FieldRule.Text(FullName),
        ["unitCode"] = FieldRule.Text(UnitCode),
        ["search"] = FieldRule.Text(Search),
        ["q"] = FieldRule.Text(Search),
        ["cursor"] = FieldRule.Text(Pppk.Workflow.Runtime.Api.ListCursor.MaxLength),
        ["employeeNik"] = FieldRule.Text(Nik),
        ["reason"] = FieldRule.Text(Reason),
        ["expression"] = FieldRule.Text(Expression),
        ["returnUrl"] = FieldRule.Text(ReturnUrl),
        ["variables"] = FieldRule.FreeForm(Variables, VariablesBytes),
        ["context"] = FieldRule.FreeForm(Variables, VariablesBytes),
        ["roles"] = FieldRule.Items(Roles),
        ["instances"] = FieldRule.Items(options.BatchMaxInstances),
        ["mappings"] = FieldRule.Items(MigrationMappings),
        ["sourceElementId"] = FieldRule.Text(Key),
        ["targetElementId"] = FieldRule.Text(Key),
        ["taskIds"] = FieldRule.Items(Inbox.InboxApi.BulkMax),
    };
}

/// <summary>How one named field is limited.</summary>
internal sealed record FieldRule(FieldRule.Kind Of, int Max, int MaxBytes = 0)
{
    public enum Kind
    {
        /// <summary>A string of at most <see cref="Max"/> characters.</summary>
        Text,

        /// <summary>An object of caller-chosen names (variables): at most <see cref="Max"/> entries and <see cref="MaxBytes"/> of JSON.</summary>
        FreeForm,

        /// <summary>An array of at most <see cref="Max"/> items, none of them null.</summary>
        Items,
    }

    public static FieldRule Text(int max) => new(Kind.Text, max);

    public static FieldRule FreeForm(int max, int maxBytes) => new(Kind.FreeForm, max, maxBytes);

    public static FieldRule Items(int max) => new(Kind.Items, max);
}
