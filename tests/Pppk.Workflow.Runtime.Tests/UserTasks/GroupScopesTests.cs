using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.UserTasks;

/// <summary>
/// The runtime's seam for the roles: how far a candidate group reaches, with group names of the test's own (the runtime
/// knows no role by name), and no reference from the runtime to the project that holds the PPPK roles.
/// </summary>
public sealed class GroupScopesTests
{
    private static readonly GroupScopes Scopes = new("admins", ["district-clerk", "district-chief"], ["district-chief"]);

    [Fact]
    public void An_organisation_wide_group_counts_anywhere_a_unit_scoped_one_only_in_the_holders_unit()
    {
        string[] roles = ["auditor", "district-clerk"];
        Assert.Equal(["auditor", "district-clerk"], Scopes.GroupsFor(roles, "D1", "D1"));
        Assert.Equal(["auditor"], Scopes.GroupsFor(roles, "D1", "D2"));
        Assert.Equal(["auditor"], Scopes.GroupsFor(roles, null, null));
    }

    [Fact]
    public void The_administrators_are_the_members_of_the_group_named_so_and_no_one_else()
    {
        Assert.True(Scopes.IsAdministrator(new Actor("a", ["auditor", "admins"])));
        Assert.False(Scopes.IsAdministrator(new Actor("b", ["hr-admin", "district-chief"])));
        Assert.True(Scopes.IsUnitScoped("district-chief"));
        Assert.False(Scopes.IsUnitScoped("admins"));
    }

    [Fact]
    public void The_runtime_does_not_reference_the_project_of_the_PPPK_roles()
    {
        var references = typeof(GroupScopes).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Pppk.Workflow.Auth", references);
    }
}
