using Hangfire;

namespace Pppk.Workflow.Runtime.Outbox;

/// <summary>
/// An outbox kind another project adds (e.g. email delivery): how to wake its Hangfire job. Dispatch must be idempotent:
/// after a crash the sweep may dispatch a row again.
/// </summary>
public interface IOutboxKind
{
    string Kind { get; }

    void Dispatch(IBackgroundJobClient jobs, DateTimeOffset? runAt);
}
