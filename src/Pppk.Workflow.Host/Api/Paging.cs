namespace Pppk.Workflow.Host.Api;

/// <summary>The one paging shape of every list endpoint (API.md): <c>?page=1&amp;pageSize=50</c>, pageSize at most 500.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = InputLimits.MaxPageSize;

    /// <summary>Rows before this page: at most <see cref="InputLimits.MaxPage"/> × <see cref="MaxPageSize"/>, well inside an int.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Normalizes the query values, or says what is wrong with them.</summary>
    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out IResult? problem)
    {
        paging = new Paging(page ?? 1, pageSize ?? 50);
        problem = null;
        if (paging.Page < 1 || paging.Page > InputLimits.MaxPage || paging.PageSize < 1 || paging.PageSize > MaxPageSize)
        {
            problem = LocalizedProblem.BadRequest(HostTexts.PagingInvalid.Format(InputLimits.MaxPage, MaxPageSize), paging.Page < 1 || paging.Page > InputLimits.MaxPage ? "page" : "pageSize");
            return false;
        }
        return true;
    }
}
