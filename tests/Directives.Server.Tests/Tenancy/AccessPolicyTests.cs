using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tenancy;

namespace Directives.Server.Tests.Tenancy;

/// <summary>The policy table covers the whole contract and grants what the service comments say.</summary>
public sealed class AccessPolicyTests
{
    private static readonly MethodPolicies Policies = MethodPolicies.CreateDefault();

    [Fact]
    public void EveryMethodOfTheContractHasAPolicy()
    {
        var methods = MethodPolicies.ContractServices.SelectMany(service => service.Methods.Select(method => $"/{service.FullName}/{method.Name}")).ToList();

        Assert.Equal(61, methods.Count);
        Assert.All(methods, method => Assert.NotNull(Policies.Find(method)));
    }

    [Theory]
    [InlineData("GetDirective", true)]
    [InlineData("ListTasks", true)]
    [InlineData("WatchTasks", true)]
    [InlineData("SummarizeTaskTrend", true)]
    [InlineData("ExportTasks", true)]
    [InlineData("CreateDirective", false)]
    [InlineData("ReportProgress", false)]
    [InlineData("UndeleteTask", false)]
    [InlineData("Getaway", false)]
    public void MethodsAreClassifiedByTheirVerb(string method, bool isRead) => Assert.Equal(isRead ? MethodKind.Read : MethodKind.Mutation, MethodKinds.Of(method));

    [Theory]
    [InlineData("directives.v1.DirectiveService/CreateDirective", "secretariat")]
    [InlineData("directives.v1.DirectiveService/GetDirective", "viewer,officer,secretariat,province-admin,ministry")]
    [InlineData("directives.v1.TaskService/CompleteTask", "officer,secretariat")]
    [InlineData("directives.v1.TaskService/ReportProgress", "officer,secretariat")]
    [InlineData("directives.v1.TaskService/ExtendTaskDeadline", "secretariat")]
    [InlineData("directives.v1.AgencyService/MergeAgencies", "secretariat,province-admin")]
    [InlineData("directives.v1.CommitteeService/ReconstituteCommittee", "province-admin")]
    [InlineData("directives.v1.MinistryService/ExportTasks", "ministry")]
    [InlineData("directives.v1.ProvinceService/ListProvinces", "viewer,officer,secretariat,province-admin,ministry,platform-admin")]
    [InlineData("directives.v1.ProvinceAdminService/ListProvinces", "platform-admin")]
    public void RolesAreGrantedByTheTable(string method, string roles) =>
        Assert.Equal(roles, string.Join(",", RoleNames.Format(Policies.Find("/" + method)!.AllowedRoles)));

    [Fact]
    public void OnlyTheDocumentedMethodsAcceptEveryProvince()
    {
        var accepting = Policies.All.Where(policy => policy.AcceptsAllProvinces).Select(policy => policy.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "/directives.v1.ChangeFeedService/WatchDirectives", "/directives.v1.ChangeFeedService/WatchTasks",
                "/directives.v1.DirectiveService/ListDirectives",
                "/directives.v1.MinistryService/ExportTasks", "/directives.v1.MinistryService/SummarizeCommittees",
                "/directives.v1.MinistryService/SummarizeDirectives", "/directives.v1.MinistryService/SummarizeTargets",
                "/directives.v1.MinistryService/SummarizeTaskTrend", "/directives.v1.MinistryService/SummarizeTasks",
                "/directives.v1.TaskService/ListReports", "/directives.v1.TaskService/ListTasks",
            ],
            accepting);
    }

    [Fact]
    public void AServiceWithoutARowStopsTheServer()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => MethodPolicies.Create(MethodPolicies.ContractServices, AccessPolicyTable.Services.Skip(1).ToList()));
        Assert.Contains("no row for directives.v1.DirectiveService", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceNamesAreFoundInNestedFields()
    {
        var request = new ReconstituteCommitteeRequest { Name = " provinces/hung-yen/committees/bcd-138 " };
        request.Members.Add(new CommitteeMember { Agency = "provinces/hung-yen/agencies/cong-an-tinh" });
        request.Members.Add(new CommitteeMember { Agency = "PROVINCES/dong-thap/agencies/cong-an-tinh" });
        var references = ResourceNameFields.For(ReconstituteCommitteeRequest.Descriptor).Find(request);

        Assert.Equal(
            [
                new ProvinceReference("name", "hung-yen"),
                new ProvinceReference("members[0].agency", "hung-yen"),
                new ProvinceReference("members[1].agency", "dong-thap"),
            ],
            references.Where(reference => reference.Field is "name" || reference.Field.EndsWith(".agency", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnOfficerSeesOnlyTheTasksOfItsAgency()
    {
        const string Police = "provinces/hung-yen/agencies/cong-an-tinh";
        var officer = TaskAccess.For(new CallerIdentity("lan", null, "hung-yen", Police, CallerRoles.Officer));
        var viewer = TaskAccess.For(new CallerIdentity("hoa", null, "hung-yen", Police, CallerRoles.Officer | CallerRoles.Viewer));

        Assert.Equal(Police, officer.RestrictedToAgency);
        Assert.True(officer.CanSee(Police, []));
        Assert.True(officer.CanSee("provinces/hung-yen/agencies/so-y-te", [Police]));
        Assert.False(officer.CanSee("provinces/hung-yen/agencies/so-y-te", ["provinces/hung-yen/agencies/so-gd-dt"]));
        Assert.True(officer.CanComplete(Police));
        Assert.False(officer.CanComplete("provinces/hung-yen/agencies/so-y-te"));
        Assert.True(officer.CanReportFor(Police));
        Assert.False(officer.CanReportFor("provinces/hung-yen/agencies/so-y-te"));
        Assert.Null(viewer.RestrictedToAgency);
    }
}
