using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Engine.Tests.Support;

namespace Pppk.Workflow.Engine.Tests.Jobs;

public class JobRetryPolicyTests
{
    [Fact]
    public void Backoff_doubles_from_five_seconds_with_each_retry_spent_from_the_default()
    {
        Assert.Equal(3, JobRetryPolicy.DefaultRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), JobRetryPolicy.Backoff(3));
        Assert.Equal(TimeSpan.FromSeconds(10), JobRetryPolicy.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(20), JobRetryPolicy.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(5), JobRetryPolicy.Backoff(7));
    }

    [Fact]
    public void Backoff_is_capped_at_ten_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), JobRetryPolicy.Backoff(-20));
    }

    [Fact]
    public void A_failure_without_its_own_backoff_waits_the_policy_backoff_and_spends_one_retry()
    {
        Assert.Equal(new JobFailed(4, "down", 1, JobRetryPolicy.Backoff(2)), new JobResult.Failure("down").ToTrigger(4, 2));
        Assert.Equal(new JobFailed(4, "down", 0, TimeSpan.FromSeconds(1)), new JobResult.Failure("down", TimeSpan.FromSeconds(1)).ToTrigger(4, 0));
    }

    [Fact]
    public void A_job_task_without_retries_gets_the_policy_default()
    {
        var h = Harness.For(Bpmn.Start() + Bpmn.Service("s", "email") + Bpmn.End(), "start -> s -> end").Start();
        Assert.Equal(JobRetryPolicy.DefaultRetries, h.Effects.OfType<JobCreated>().Single().Retries);
    }
}
