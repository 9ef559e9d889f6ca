using Microsoft.AspNetCore.Http;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>The one paging shape of every list endpoint (docs/api.md): <c>?page=1&amp;pageSize=50</c>, pageSize at most 500.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public readonly record struct Paging(int Page, int PageSize)
{
    /// <summary>The last page a list serves: with <see cref="MaxPageSize"/> the offset stays far inside a 32-bit integer.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The largest page (pageSize at most 500).</summary>
    public const int MaxPageSize = 500;

    /// <summary>Rows before this page: at most <see cref="MaxPage"/> × <see cref="MaxPageSize"/>, well inside an int.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Normalizes the query values, or says what is wrong with them.</summary>
    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out IResult? problem)
    {
        paging = new Paging(page ?? 1, pageSize ?? 50);
        problem = null;
        if (paging.Page < 1 || paging.Page > MaxPage || paging.PageSize < 1 || paging.PageSize > MaxPageSize)
        {
            problem = LocalizedProblem.BadRequest(ApiTexts.PagingInvalid.Format(MaxPage, MaxPageSize), paging.Page < 1 || paging.Page > MaxPage ? "page" : "pageSize");
            return false;
        }
        return true;
    }
}
