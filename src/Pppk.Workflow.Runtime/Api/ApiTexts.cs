using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>The problem titles of the helpers every API uses (host and domain alike), by code, in English and Indonesian.</summary>
public static class ApiTexts
{
    public static readonly TextTemplate PagingInvalid = new("paging-invalid",
        "page must be a whole number from 1 to {0} and pageSize from 1 to {1}.",
        "page harus bilangan bulat dari 1 sampai {0} dan pageSize dari 1 sampai {1}.");
    public static readonly TextTemplate SortUnknown = new("sort-unknown",
        "Unknown sort '{0}'; use one of: {1}.",
        "Urutan '{0}' tidak dikenal; gunakan salah satu dari: {1}.");
}
