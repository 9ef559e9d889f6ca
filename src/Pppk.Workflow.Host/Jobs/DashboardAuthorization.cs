using Hangfire.Dashboard;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Jobs;

/// <summary>The Hangfire dashboard is for hr-admin only (the endpoint also requires the policy, which sends browsers to sign in).</summary>
public sealed class HrAdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.HrAdmin);
}
