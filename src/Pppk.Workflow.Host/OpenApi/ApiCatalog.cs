using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pppk.Workflow.Host.OpenApi;

/// <summary>
/// What the document says of each route: its area (a tag, by path) and a one-line summary (docs/api.md's wording, by
/// method and path). One table beside the other, so a new route is described here; the host's tests fail for a route
/// without a summary.
/// </summary>
internal static partial class ApiCatalog
{
    public sealed record Tag(string Name, string Description, params string[] Prefixes);

    /// <summary>The areas, in the order the reference page lists them; a path takes the tag of its longest matching prefix.</summary>
    public static readonly Tag[] Tags =
    [
        new("Sign-in", "Cookie sign-in for browsers, the caller, passwords.", "/api/auth"),
        new("Definitions", "Deployed BPMN processes, their versions, forms and element templates.", "/api/definitions", "/api/forms", "/api/element-templates"),
        new("Decisions", "DMN decision tables: versions, evaluation, and a case's evaluations.", "/api/decisions", "/api/instances/{id}/decisions"),
        new("Instances", "Cases: start (one or a batch), read, list, history, cancel, variables, modification and migration.", "/api/instances"),
        new("Tasks", "User tasks and the inbox: claim, assign, complete.", "/api/tasks"),
        new("Messages and signals", "Correlating messages and broadcasting signals to waiting cases.", "/api/messages", "/api/signals"),
        new("Incidents", "Failed steps and jobs waiting for an operator.", "/api/incidents"),
        new("Operations", "Batch operations over many cases (cancel, set variables, retry, migrate, start), with progress.", "/api/operations", "/api/start-many"),
        new("Users", "Accounts, roles, access and substitutes.", "/api/users", "/api/substitutions"),
        new("Employees", "PPPK employees, their contracts, SKs, evaluations and fiscal checks.", "/api/employees", "/api/part-time"),
        new("Applicants", "Selection applicants, formations and rounds.", "/api/applicants", "/api/formations", "/api/rounds"),
        new("Renewals", "Contract renewals.", "/api/renewals"),
        new("Budgets", "Unit budgets and fiscal settings.", "/api/budgets", "/api/fiscal-settings"),
        new("Imports", "CSV imports of PPPK records.", "/api/imports"),
        new("Documents", "Generated documents (SK, SPMT), their verification, and document templates.", "/api/documents", "/api/document-templates",
            "/api/instances/{id}/documents", "/api/employees/{id}/documents"),
        new("Case notes", "Comments and attachments on a case.", "/api/instances/{id}/comments", "/api/instances/{id}/attachments", "/api/attachments",
            "/api/tasks/{id}/attachment-requirement"),
        new("Exports", "Spreadsheet exports of lists.", "/api/exports"),
        new("Calendar", "Holidays and working days.", "/api/calendar"),
        new("Email", "Sent emails and email templates.", "/api/emails", "/api/email-templates"),
        new("Overview", "The dashboard, case summaries, the caller's own cases, the access log and FEEL expressions.",
            "/api/dashboard", "/api/me", "/api/access-log", "/api/expressions"),
        new("Health", "Liveness of the database and the job servers.", "/health"),
    ];

    /// <summary>One line per route, keyed by method and path (route constraints left out).</summary>
    public static readonly IReadOnlyDictionary<string, string> Summaries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = "Sign in with user name and password (sets the session cookie)",
        ["POST /api/auth/logout"] = "Sign out: the session ends on the server",
        ["POST /api/auth/password"] = "Change the caller's own password (their other sessions end)",
        ["GET /api/auth/me"] = "The caller: name, roles and how they are signed in",
        ["POST /api/definitions"] = "Deploy BPMN, DMN and form files (a new version when something changed)",
        ["POST /api/definitions/validate"] = "Check BPMN, DMN and form files without storing them",
        ["GET /api/definitions"] = "The latest version of each process",
        ["GET /api/definitions/{key}"] = "One version of a process, with its XML (the latest without version)",
        ["GET /api/definitions/{key}/start-form"] = "What starting the process by hand shows: its form and start variables",
        ["GET /api/definitions/{key}/versions"] = "A process's versions, newest first",
        ["GET /api/forms/{formId}"] = "The latest deployed form (form-js JSON)",
        ["GET /api/element-templates"] = "The designer's element templates, one per registered job handler",
        ["POST /api/expressions/evaluate"] = "Evaluate a FEEL expression against given variables",
        ["GET /api/decisions"] = "The latest version of each decision",
        ["GET /api/decisions/{key}"] = "One version of a decision, with its XML (the latest without version)",
        ["POST /api/decisions/{key}/evaluate"] = "Evaluate a decision with given inputs",
        ["GET /api/instances/{id}/decisions"] = "The case's decision evaluations in order: its \"why\"",
        ["POST /api/instances"] = "Start an instance; answers it as its first step left it, with the tasks it opened",
        ["POST /api/instances/batch"] = "Start many instances of one process in one transaction",
        ["GET /api/instances"] = "The instances the caller sees, newest first (paged, filtered)",
        ["GET /api/instances/{id}"] = "One instance: status, variables, active elements, incident",
        ["GET /api/instances/{id}/history"] = "The elements the instance went through, with who completed them",
        ["GET /api/instances/{id}/summary"] = "The case summary its process version declares",
        ["GET /api/instances/{id}/audit"] = "Who started, cancelled, changed, retried or modified the instance",
        ["POST /api/instances/{id}/cancel"] = "Cancel an active instance",
        ["PUT /api/instances/{id}/variables"] = "Set variables at the instance's process scope",
        ["POST /api/instances/{id}/modification"] = "Start and cancel elements of an instance by hand",
        ["POST /api/instances/{id}/migration"] = "Move an instance to another version of its process (dryRun to check)",
        ["GET /api/me/cases"] = "The caller's own cases (whose subject is their linked NIK)",
        ["GET /api/tasks"] = "The tasks the caller sees: the inbox (paged, keyset cursor, filters)",
        ["GET /api/tasks/{id}"] = "One task with its form, the case variables it may show and the case summary",
        ["POST /api/tasks/{id}/claim"] = "Claim a task for oneself (or a user, for hr-admin)",
        ["POST /api/tasks/{id}/unclaim"] = "Give a claimed task back to its candidates",
        ["POST /api/tasks/{id}/assign"] = "Hand a task to another user",
        ["POST /api/tasks/{id}/complete"] = "Complete a task with its form's variables",
        ["GET /api/tasks/count"] = "The caller's open and overdue task counts",
        ["POST /api/tasks/bulk"] = "Claim, unclaim or assign many tasks at once",
        ["GET /api/tasks/{id}/colleagues"] = "The users a task's holder may hand it to",
        ["GET /api/tasks/units"] = "The units' names for the inbox's unit filter",
        ["POST /api/messages"] = "Correlate a message to the instance waiting for it (or start one)",
        ["POST /api/signals"] = "Broadcast a signal to every open subscription",
        ["GET /api/incidents"] = "The open incidents of the cases the caller sees, oldest first",
        ["GET /api/incidents/facets"] = "The filter choices over the open incidents, with counts",
        ["GET /api/incidents/{id}"] = "One incident and the variables its step reads",
        ["POST /api/incidents/{id}/retry"] = "Run the failed element again",
        ["POST /api/operations"] = "Create a batch operation over the cases a filter finds (dryRun to count)",
        ["GET /api/operations"] = "Batch operations, newest first",
        ["GET /api/operations/{id}"] = "One batch operation with its progress and first errors",
        ["POST /api/operations/{id}/cancel"] = "Stop a batch operation after the chunk running now",
        ["POST /api/start-many/{source}"] = "Start by hand what a timer-start workflow would start (dryRun to count)",
        ["GET /api/users"] = "Accounts with their roles, unit and linked employee",
        ["POST /api/users"] = "Create an account (a temporary password when none is given)",
        ["PUT /api/users/{id}/roles"] = "Set an account's roles and unit",
        ["PUT /api/users/{id}/profile"] = "Change an account's name, email, unit or linked NIK",
        ["PUT /api/users/{id}/password"] = "Set an account's password (its sessions end)",
        ["POST /api/users/{id}/password-reset"] = "Give an account a temporary password to change at sign-in",
        ["PUT /api/users/{id}/lockout"] = "Lock or unlock an account",
        ["PUT /api/users/{id}/active"] = "Deactivate or reactivate an account",
        ["GET /api/users/audit"] = "Every change to accounts and substitutes, newest first",
        ["GET /api/substitutions"] = "Substitutions the caller may see",
        ["POST /api/substitutions"] = "Name a substitute for a period",
        ["POST /api/substitutions/{id}/end"] = "End a substitution now",
        ["DELETE /api/substitutions/{id}"] = "Remove a substitution",
        ["GET /api/access-log"] = "Who read whose personal data, newest first",
        ["GET /api/formations"] = "Formations with quota, round, applicant counts and ranking status",
        ["GET /api/formations/{code}"] = "One formation with its ranking status",
        ["GET /api/formations/{code}/applicants"] = "A formation's applicants with verdict, scores, rank and result",
        ["GET /api/formations/{code}/ranking"] = "A formation's ranking: final once ranked, else provisional",
        ["GET /api/applicants"] = "Applicants (paged, searchable)",
        ["GET /api/applicants/{registrationNumber}"] = "One applicant with formation, scores, ranking and appeals",
        ["GET /api/employees"] = "PPPK employees with unit, grade and contract end (paged, searchable)",
        ["GET /api/employees/{id}"] = "An employee's profile: contracts, SKs, evaluations, fiscal checks, emails",
        ["GET /api/employees/{id}/documents"] = "An employee's generated documents (paged)",
        ["GET /api/renewals"] = "Active contracts ending soon, with predicates and the fiscal check's inputs",
        ["GET /api/budgets"] = "Unit budgets with what is left, and the region's spending position",
        ["PUT /api/budgets/{unitCode}/{fiscalYear}"] = "Create or replace a unit's budget for a fiscal year",
        ["GET /api/fiscal-settings"] = "The region's fiscal settings of every year",
        ["GET /api/fiscal-settings/{fiscalYear}"] = "The region's fiscal settings of a year",
        ["PUT /api/fiscal-settings/{fiscalYear}"] = "Create or replace the region's fiscal settings of a year",
        ["GET /api/rounds"] = "Selection rounds with their dates",
        ["GET /api/rounds/{year}/{wave}"] = "One selection round",
        ["PUT /api/rounds/{year}/{wave}"] = "Create or replace a selection round",
        ["DELETE /api/rounds/{year}/{wave}"] = "Delete a selection round no formation refers to",
        ["GET /api/part-time/candidates"] = "Applicants who may be proposed for part-time (paruh waktu) positions",
        ["POST /api/part-time/proposals"] = "Start part-time proposals for a formation's candidates",
        ["GET /api/imports"] = "The import kinds the caller may use, with their columns",
        ["GET /api/imports/{kind}/template"] = "The CSV template of an import kind (the header row)",
        ["POST /api/imports/{kind}"] = "Import a CSV file of PPPK records (all rows or none)",
        ["POST /api/documents/verify"] = "Verify a PDF: is it exactly a document this system issued?",
        ["POST /api/documents/{id}/revoke"] = "Revoke an issued document",
        ["GET /api/documents/{id}"] = "A generated document's PDF",
        ["GET /api/documents/{id}/pdf"] = "A generated document's PDF",
        ["GET /api/instances/{id}/documents"] = "The documents a case generated",
        ["GET /api/document-templates"] = "The document templates, one per kind",
        ["GET /api/document-templates/{kind}"] = "One kind's template: placeholders and versions",
        ["POST /api/document-templates/{kind}"] = "Upload a new .docx version of a kind's template",
        ["POST /api/document-templates"] = "Upload a new .docx version of a template (kind in the form)",
        ["GET /api/document-templates/{kind}/versions/{version}"] = "Download a template version's .docx",
        ["POST /api/document-templates/{kind}/versions/{version}/restore"] = "Make an old template version current again (as a new version)",
        ["GET /api/document-templates/{kind}/preview"] = "A PDF of the template filled with sample data",
        ["GET /api/instances/{id}/comments"] = "A case's comments, oldest first",
        ["POST /api/instances/{id}/comments"] = "Comment on a case",
        ["GET /api/instances/{id}/attachments"] = "A case's attachments",
        ["POST /api/instances/{id}/attachments"] = "Attach a file to a case",
        ["GET /api/attachments/{id}"] = "Download an attachment",
        ["GET /api/tasks/{id}/attachment-requirement"] = "Whether a task requires an attachment and whether the case has one",
        ["GET /api/exports/tasks"] = "The task list as a spreadsheet",
        ["GET /api/exports/instances"] = "The instance list as a spreadsheet",
        ["GET /api/exports/incidents"] = "The incident list as a spreadsheet",
        ["GET /api/exports/formations"] = "The formations as a spreadsheet",
        ["GET /api/exports/ranking"] = "A formation's ranking as a spreadsheet",
        ["GET /api/exports/applicants"] = "The applicants as a spreadsheet",
        ["GET /api/exports/employees"] = "The employees as a spreadsheet",
        ["GET /api/exports/renewals"] = "The renewals as a spreadsheet",
        ["GET /api/calendar/years"] = "The calendar's years, oldest first",
        ["GET /api/calendar/coverage"] = "How far the holiday calendar reaches, and whether to warn",
        ["GET /api/calendar/holidays"] = "One year's holidays",
        ["POST /api/calendar/holidays"] = "Add a holiday",
        ["PUT /api/calendar/holidays/{id}"] = "Change a holiday",
        ["DELETE /api/calendar/holidays/{id}"] = "Remove a holiday",
        ["PUT /api/calendar/years/{year}"] = "Add or change a calendar year",
        ["POST /api/calendar/years/{year}/import"] = "Import a year's holidays from CSV (dryRun to compare)",
        ["GET /api/calendar/years/{year}/export"] = "A year's holidays as CSV",
        ["GET /api/calendar/changes"] = "The newest changes to the calendar",
        ["GET /api/emails"] = "The email outbox (paged, filtered)",
        ["GET /api/emails/{id}"] = "One email with its rendered HTML and text",
        ["POST /api/emails/{id}/retry"] = "Queue a failed email again",
        ["GET /api/email-templates"] = "The email templates",
        ["GET /api/email-templates/{name}"] = "An email template's current version and its versions",
        ["GET /api/email-templates/{name}/versions/{version}"] = "One version of an email template",
        ["PUT /api/email-templates/{name}"] = "Save an email template's next version",
        ["POST /api/email-templates/{name}/preview"] = "Render an email template with sample variables",
        ["GET /api/dashboard/summary"] = "Counts: instances, open and overdue tasks, incidents, contracts ending",
        ["GET /api/dashboard/durations"] = "Time spent in user tasks completed in the last 90 days",
        ["GET /health"] = "Whether the database and a live job server answer",
    };

    /// <summary>The route's key: its method and path as the document writes it, constraints left out (<c>GET /api/instances/{id}</c>).</summary>
    public static string Key(string method, string relativePath) =>
        $"{method.ToUpperInvariant()} /{Constraint().Replace(relativePath, "{$1}").TrimEnd('/')}";

    [GeneratedRegex("\\{([^}:=?]+)[^}]*\\}")]
    private static partial Regex Constraint();

    public static Tag? TagOf(string path) => Tags
        .SelectMany(t => t.Prefixes, (tag, prefix) => (tag, prefix))
        .Where(x => path == x.prefix || path.StartsWith(x.prefix + "/", StringComparison.Ordinal))
        .OrderByDescending(x => x.prefix.Length)
        .Select(x => x.tag)
        .FirstOrDefault();

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var key = Key(description.HttpMethod ?? "GET", description.RelativePath ?? "");
        if (Summaries.TryGetValue(key, out var summary)) operation.Summary = summary;
        if (TagOf(key[(key.IndexOf(' ') + 1)..]) is { } tag)
            operation.Tags = new HashSet<OpenApiTagReference> { new(tag.Name, context.Document) };
        return Task.CompletedTask;
    }
}
