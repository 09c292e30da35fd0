using Directives.Server.Auth;
using static Directives.Server.Auth.CallerRoles;

namespace Directives.Server.Tenancy;

/// <summary>
/// Who may call what, as the service comments of protos/directives/v1 say. This table is the only place
/// roles are granted: <see cref="MethodPolicies"/> expands it over every method of the contract at
/// startup and refuses to start if a service of the contract has no row, so nothing is open by omission.
/// </summary>
internal static class AccessPolicyTable
{
    /// <summary>Every provincial role reads its province; the ministry reads every province.</summary>
    private const CallerRoles ProvinceReaders = Provincial | Ministry;

    public static readonly IReadOnlyList<ServiceAccess> Services =
    [
        new("directives.v1.DirectiveService", MethodScope.Province, Readers: ProvinceReaders, Writers: Secretariat)
        {
            AcrossProvinces = new HashSet<string> { "ListDirectives" },
        },
        new("directives.v1.TaskService", MethodScope.Province, Readers: ProvinceReaders, Writers: Secretariat)
        {
            // An officer completes the tasks its agency leads and reports on its own part; TaskService
            // checks the agency (TaskAccess), this table only lets the role through.
            Methods = new Dictionary<string, CallerRoles>
            {
                ["CompleteTask"] = Secretariat | Officer,
                ["ReportProgress"] = Secretariat | Officer,
            },
            AcrossProvinces = new HashSet<string> { "ListTasks", "ListReports" },
        },
        new("directives.v1.AgencyService", MethodScope.Province, Readers: ProvinceReaders, Writers: Secretariat | ProvinceAdmin),
        new("directives.v1.CommitteeService", MethodScope.Province, Readers: ProvinceReaders, Writers: ProvinceAdmin),
        new("directives.v1.ChangeFeedService", MethodScope.Province, Readers: ProvinceReaders, Writers: None)
        {
            AcrossProvinces = new HashSet<string> { "WatchDirectives", "WatchTasks" },
        },
        new("directives.v1.MinistryService", MethodScope.Province, Readers: Ministry, Writers: None)
        {
            AcrossProvinces = new HashSet<string>
            {
                "SummarizeDirectives", "SummarizeTasks", "SummarizeTargets", "SummarizeCommittees", "SummarizeTaskTrend", "ExportTasks",
            },
        },
        new("directives.v1.ProvinceService", MethodScope.Registry, Readers: Any, Writers: None),
        new("directives.v1.ProvinceAdminService", MethodScope.Registry, Readers: PlatformAdmin, Writers: PlatformAdmin),
    ];
}
