using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>Why a call on a user task was refused (who holds it, who may act), by code, in English and Indonesian.</summary>
public static class TaskTexts
{
    // {0} is the task's name (or element id) throughout; {1} a user name unless said otherwise; the last one, where there
    // is one after those said, the administrators' group (GroupScopes.Administrators).
    public static readonly TextTemplate ClaimedByOther = new("task-claimed-by-other",
        "Task '{0}' is claimed by {1}; only {1} can complete it. Ask {1} to release it, or {2} to reassign it.",
        "Tugas '{0}' sedang dipegang oleh {1}; hanya {1} yang dapat menyelesaikannya. Minta {1} melepaskannya, atau minta {2} mengalihkannya.");
    public static readonly TextTemplate NotCandidate = new("task-not-candidate",
        "{1} may not act on task '{0}': it is offered to candidate groups [{2}] and users [{3}].",
        "{1} tidak berhak atas tugas '{0}': tugas ini ditujukan kepada grup kandidat [{2}] dan pengguna kandidat [{3}].");
    public static readonly TextTemplate AlreadyClaimed = new("task-already-claimed",
        "Task '{0}' is already claimed by {1}.",
        "Tugas '{0}' sudah diambil oleh {1}.");
    public static readonly TextTemplate ClaimForOther = new("task-claim-for-other",
        "Only {1} may claim task '{0}' for someone else; the person holding a task hands it over with /assign.",
        "Hanya {1} yang dapat mengambil tugas '{0}' untuk orang lain; pemegang tugas menyerahkannya dengan /assign.");
    // {1} a TaskState term
    public static readonly TextTemplate NotOpen = new("task-not-open",
        "Task '{0}' is {1}; only an open task can be claimed, released, assigned or completed.",
        "Tugas '{0}' sudah {1}; hanya tugas yang terbuka yang dapat diambil, dilepaskan, dialihkan atau diselesaikan.");
    public static readonly TextTemplate NotClaimed = new("task-not-claimed",
        "Task '{0}' is not held by anyone; there is nothing to release.",
        "Tugas '{0}' tidak sedang dipegang siapa pun; tidak ada yang perlu dilepaskan.");
    public static readonly TextTemplate NoCandidates = new("task-no-candidates",
        "Task '{0}' has no candidate groups or users to give it back to; {1} can assign it to someone else.",
        "Tugas '{0}' tidak punya grup atau pengguna kandidat untuk menerimanya kembali; {1} dapat mengalihkannya kepada orang lain.");
    public static readonly TextTemplate UnclaimForbidden = new("task-unclaim-forbidden",
        "Task '{0}' is held by {1}; only {1} or {2} can release it.",
        "Tugas '{0}' dipegang oleh {1}; hanya {1} atau {2} yang dapat melepaskannya.");
    // {1} the holder, or the Nobody term
    public static readonly TextTemplate AssignForbidden = new("task-assign-forbidden",
        "Only {2} or the person holding task '{0}' can hand it to someone else; it is held by {1}.",
        "Hanya {2} atau pemegang tugas '{0}' yang dapat menyerahkannya kepada orang lain; tugas ini dipegang oleh {1}.");
    // {1} the user it was to go to, {2} groups, {3} users
    public static readonly TextTemplate AssignNotCandidate = new("task-assign-not-candidate",
        "{1} is not among the candidate groups [{2}] or users [{3}] of task '{0}'; only {4} can assign it outside them.",
        "{1} tidak termasuk grup kandidat [{2}] atau pengguna kandidat [{3}] tugas '{0}'; hanya {4} yang dapat mengalihkannya di luar itu.");
    public static readonly TextTemplate UnknownAssignee = new("task-assignee-unknown",
        "There is no user '{1}' to give task '{0}' to.",
        "Tidak ada pengguna '{1}' yang dapat menerima tugas '{0}'.");
    public static readonly TextTemplate AssigneeRequired = new("task-assignee-required",
        "assignee is required: the user name of the person who is to hold task '{0}'.",
        "assignee wajib diisi: nama pengguna orang yang akan memegang tugas '{0}'.");

    public static readonly Term Nobody = new("nobody", "tidak seorang pun");

    /// <summary>A task's state as people read it.</summary>
    public static Term State(string state) => state switch
    {
        "completed" => new("completed", "selesai"),
        "cancelled" => new("cancelled", "dibatalkan"),
        _ => new(state, state),
    };
}
