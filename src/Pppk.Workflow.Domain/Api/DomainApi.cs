using Microsoft.AspNetCore.Routing;

namespace Pppk.Workflow.Domain.Api;

/// <summary>The PPPK endpoints (imports, formations, applicants, employees, renewals, budgets, fiscal data, rounds, part-time), mapped by the host in one call.</summary>
public static class DomainApi
{
    public static void MapPppkDomainApi(this IEndpointRouteBuilder app)
    {
        app.MapImportsApi();
        app.MapFormationsApi();
        app.MapApplicantsApi();
        app.MapEmployeesApi();
        app.MapRenewalsApi();
        app.MapBudgetsApi();
        app.MapFiscalDataApi();
        app.MapRoundsApi();
        app.MapPartTimeApi();
        app.MapDocumentsApi();
        app.MapDocumentTemplatesApi();
        app.MapDocumentFilesApi();
        app.MapStartManyApi();
    }
}
