using Microsoft.AspNetCore.Http;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>
/// The one paging shape of every list endpoint (docs/api.md, "Paging"): <c>?page=1&amp;pageSize=50</c> (pageSize at most 500)
/// for the first <see cref="Paging.MaxOffset"/> rows, <c>?cursor=</c> (the previous page's <see cref="NextCursor"/>) for any
/// page after. <see cref="Total"/> is exact up to <see cref="ListTotal.Cap"/>, else capped with <see cref="TotalCapped"/>;
/// <see cref="Page"/> is 0 on a page read by cursor.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalCapped = false, string? NextCursor = null)
{
    /// <summary>The same page with its rows shown as <paramref name="items"/> (e.g. with names looked up).</summary>
    public PagedList<TShown> With<TShown>(IReadOnlyList<TShown> items) => new(items, Total, Page, PageSize, TotalCapped, NextCursor);
}

public readonly record struct Paging(int Page, int PageSize)
{
    /// <summary>The last page number accepted at all (larger ones are a plain paging error).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The largest page (pageSize at most 500).</summary>
    public const int MaxPageSize = 500;

    /// <summary>
    /// Rows an OFFSET page may skip: deeper pages go by cursor (an OFFSET reads and drops every row it skips, so page 10,000
    /// costs ten thousand pages). The same number as <see cref="ListTotal.Cap"/>: every page the counted total shows is served.
    /// </summary>
    public const int MaxOffset = ListTotal.Cap;

    /// <summary>Rows before this page: below <see cref="MaxOffset"/>.</summary>
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
        if ((long)(paging.Page - 1) * paging.PageSize >= MaxOffset)
        {
            problem = LocalizedProblem.BadRequest(ApiTexts.PagingTooDeep.Format(MaxOffset), "page");
            return false;
        }
        return true;
    }

    /// <summary>
    /// The paging and the sort values after which the page starts (null for an OFFSET page), or the 400 naming what is
    /// wrong: a cursor not given out by this host for <paramref name="list"/> names <c>cursor</c>. With a cursor, page is not read.
    /// </summary>
    public static bool TryCreate(int? page, int? pageSize, string? cursor, ListCursor cursors, string list, out Paging paging, out object?[]? after,
        out IResult? problem)
    {
        after = null;
        if (!TryCreate(string.IsNullOrEmpty(cursor) ? page : 1, pageSize, out paging, out problem)) return false;
        if (string.IsNullOrEmpty(cursor)) return true;
        after = cursors.Read(cursor, list);
        if (after is null) problem = LocalizedProblem.BadRequest(ApiTexts.CursorInvalid.Format(), "cursor");
        paging = paging with { Page = 0 };
        return after is not null;
    }

    /// <summary>The page's answer: the first <see cref="PageSize"/> of <paramref name="rows"/> (read one more, to know whether
    /// there is a next page) and the cursor after the last of them, when there is more.</summary>
    public PagedList<T> Answer<T>(List<T> rows, (int Total, bool Capped) total, ListCursor cursors, string list, Func<T, object?[]> key)
    {
        var more = rows.Count > PageSize;
        if (more) rows.RemoveRange(PageSize, rows.Count - PageSize);
        return new PagedList<T>(rows, total.Total, Page, PageSize, total.Capped, more ? cursors.Write(list, key(rows[^1])) : null);
    }

    /// <summary>Rows an OFFSET read skips: none after a cursor.</summary>
    public int Offset => Page == 0 ? 0 : Skip;
}
