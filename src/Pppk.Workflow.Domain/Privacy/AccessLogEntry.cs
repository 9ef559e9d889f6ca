namespace Pppk.Workflow.Domain.Privacy;

/// <summary>
/// One read of personal data (UU 27/2022 accountability): who opened which employee, applicant, case or task, when.
/// <see cref="PersonNik"/> names the person the record is about, so hr-admin can answer "who read my data".
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user's name, or the configured name of the API key.</summary>
    public string UserName { get; set; } = "";

    /// <summary>One of <see cref="AccessKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The id as the route has it: employee id, registration number, instance or task id (a NIK for <see cref="AccessKinds.OwnCases"/>).</summary>
    public string RecordId { get; set; } = "";

    /// <summary>The NIK of the person the record is about, where known (employees and applicants).</summary>
    public string? PersonNik { get; set; }
}

/// <summary>What kind of record was read.</summary>
public static class AccessKinds
{
    public const string Employee = "employee";
    public const string Applicant = "applicant";
    public const string Instance = "instance";
    public const string Task = "task";

    /// <summary>A person's list of their own cases ("Status saya"); the record id is their NIK.</summary>
    public const string OwnCases = "own-cases";

    /// <summary>A file attached to a case, downloaded; the record id is the attachment's, the NIK the case's subject.</summary>
    public const string Attachment = "attachment";

    /// <summary>A generated document (SK, perjanjian kerja, SPMT) downloaded; the record id is the document's, the NIK its subject's.</summary>
    public const string Document = "document";

    /// <summary>A person's list of documents (the employee profile's); the record id is the employee's id, the NIK theirs.</summary>
    public const string EmployeeDocuments = "employee-documents";

    /// <summary>An export of a list (xlsx or CSV); the record id is the list and its query, e.g. <c>employees?format=xlsx&amp;unitCode=X</c>.</summary>
    public const string Export = "export";

    public static readonly IReadOnlyList<string> All = [Employee, Applicant, Instance, Task, OwnCases, Attachment, Export, Document, EmployeeDocuments];
}
