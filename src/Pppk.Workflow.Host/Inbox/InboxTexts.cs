using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Inbox;

/// <summary>Why an inbox call (the task list's filters, its cursor, a bulk action) was refused, by code, in English and Indonesian.</summary>
internal static class InboxTexts
{
    public static readonly TextTemplate CursorInvalid = new("task-cursor-invalid",
        "cursor is not a cursor this list gave out (changed, cut or from another sort); start again without it.",
        "cursor bukan penanda halaman yang diberikan daftar ini (diubah, terpotong, atau dari urutan lain); mulai lagi tanpanya.");
    // {0} the parameter, {1} the value sent, {2} the values allowed
    public static readonly TextTemplate ValueUnknown = new("task-filter-unknown",
        "{0} '{1}' is not known; use one of: {2}.",
        "{0} '{1}' tidak dikenal; gunakan salah satu dari: {2}.");
    // {0} the action sent
    public static readonly TextTemplate BulkAction = new("task-bulk-action-unknown",
        "action '{0}' is not known; use claim, unclaim or complete.",
        "action '{0}' tidak dikenal; gunakan claim, unclaim, atau complete.");
    // {0} the limit
    public static readonly TextTemplate BulkCount = new("task-bulk-count",
        "taskIds must name from 1 to {0} tasks.",
        "taskIds harus berisi 1 sampai {0} tugas.");
    // {0} the task's name
    public static readonly TextTemplate BulkCompleteNotAllowed = new("task-bulk-complete-not-allowed",
        "Task '{0}' is completed one by one: its process does not mark it bulkComplete.",
        "Tugas '{0}' diselesaikan satu per satu: prosesnya tidak menandainya bulkComplete.");
    // {0} the task's name
    public static readonly TextTemplate BulkFormDiffers = new("task-bulk-form-differs",
        "Task '{0}' has another form than the first task chosen; complete tasks with the same form together.",
        "Tugas '{0}' memakai formulir lain daripada tugas pertama yang dipilih; selesaikan bersama hanya tugas dengan formulir yang sama.");
    public static readonly TextTemplate TaskNotFound = new("task-not-found",
        "There is no task {0} that you may see.",
        "Tidak ada tugas {0} yang dapat Anda lihat.");
}
