using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Committees;
using Directives.Server.Tests.Directives;
using Directives.Server.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// A fresh province with one of everything, written through the API by its own secretariat and
/// province admin: agencies, a steering committee, a directive whose subject carries
/// <c>marker</c>, a task led by the police, and a progress report on it.
/// </summary>
internal static class IsolationScenario
{
    public static async Task<ProvinceResources> CreateAsync(DirectivesServerFixture server, string marker)
    {
        var province = await server.CreateProvinceAsync();
        await CommitteeScenario.SeedAgenciesAsync(server.Services, province);
        var committees = new CommitteeScenario(role => server.Client<CommitteeService.CommitteeServiceClient>(role, province), province);
        var committee = await committees.CreateCommitteeAsync();
        var agency = committees.Agency(CommitteeScenario.Police);

        var directive = await server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province)
            .CreateDirectiveAsync(new CreateDirectiveRequest
            {
                Parent = $"provinces/{province}",
                Directive = SampleDirectives.Draft(subject: $"Về công tác bảo đảm an ninh, trật tự ({marker})"),
            });
        var tasks = server.Client<TaskService.TaskServiceClient>(RoleNames.Secretariat, province);
        var task = await tasks.CreateTaskAsync(new CreateTaskRequest
        {
            Parent = directive.Name,
            Task = new TaskResource
            {
                Number = "1",
                Title = $"Nhiệm vụ 1 ({marker})",
                Content = "Tăng cường tuần tra, kiểm soát.",
                LeadAgency = agency,
                OriginalDeadline = new Deadline { Date = new Date { Year = 2024, Month = 12, Day = 31 } },
            },
        });
        var report = await tasks.ReportProgressAsync(new ReportProgressRequest
        {
            Parent = task.Name,
            Report = new ProgressReport
            {
                Kind = ProgressReport.Types.Kind.AdHoc,
                Agency = agency,
                Text = $"Báo cáo kết quả ({marker}).",
                PercentComplete = 10,
            },
        });
        return new ProvinceResources(province, directive.Name, task.Name, agency, report.Name, committee.Name);
    }
}
