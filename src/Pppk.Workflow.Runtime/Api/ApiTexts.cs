using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>The problem titles of the helpers every API uses (host and domain alike), by code, in English and Indonesian.</summary>
public static class ApiTexts
{
    public static readonly TextTemplate PagingInvalid = new("paging-invalid",
        "page must be a whole number from 1 to {0} and pageSize from 1 to {1}.",
        "page harus bilangan bulat dari 1 sampai {0} dan pageSize dari 1 sampai {1}.");
    public static readonly TextTemplate PagingTooDeep = new("paging-too-deep",
        "page goes past the first {0} rows; follow nextCursor (the cursor parameter) to page further.",
        "page melewati {0} baris pertama; gunakan nextCursor (parameter cursor) untuk halaman berikutnya.");
    public static readonly TextTemplate CursorInvalid = new("list-cursor-invalid",
        "cursor is not one this list gave out (changed, cut, or of another list or sort); start again from page 1.",
        "cursor bukan yang diberikan daftar ini (diubah, terpotong, atau dari daftar atau urutan lain); mulai lagi dari halaman 1.");
    public static readonly TextTemplate SortUnknown = new("sort-unknown",
        "Unknown sort '{0}'; use one of: {1}.",
        "Urutan '{0}' tidak dikenal; gunakan salah satu dari: {1}.");
}
