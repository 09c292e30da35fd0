using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Directives;
using Directives.Server.Tests.Infrastructure;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// A fresh province for one test, set up through the API as a secretariat would: four agencies of its
/// catalogue and a draft directive to put tasks under. Clients of each role on it, with tokens valid by
/// the real time: token validation keeps to the real clock while tests move the server's (timeliness).
/// </summary>
internal sealed class TaskScenario
{
    public const string Police = "cong-an-tinh";
    public const string Justice = "so-tu-phap";
    public const string Transport = "so-gtvt";
    public const string Procuracy = "vien-kiem-sat-nhan-dan-tinh";

    private static readonly DevelopmentTokenIssuer Tokens = new(
        DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience, TimeProvider.System);

    private readonly DirectivesServerFixture _server;

    private TaskScenario(DirectivesServerFixture server, string province, string directive)
    {
        _server = server;
        Province = province;
        Directive = directive;
    }

    public string Province { get; }

    /// <summary>The draft directive's name.</summary>
    public string Directive { get; }

    /// <summary>Every task of the province: the parent of ListTasks across its directives.</summary>
    public string AllDirectives => $"provinces/{Province}/directives/-";

    public static async Task<TaskScenario> CreateAsync(DirectivesServerFixture server)
    {
        var province = await server.CreateProvinceAsync();
        var agencies = server.Client<AgencyService.AgencyServiceClient>(Mint(RoleNames.Secretariat, province));
        foreach (var (id, name, kind) in new[]
        {
            (Police, "Công an tỉnh", Contracts.V1.Agency.Types.Kind.Police),
            (Justice, "Sở Tư pháp", Contracts.V1.Agency.Types.Kind.Department),
            (Transport, "Sở Giao thông vận tải", Contracts.V1.Agency.Types.Kind.Department),
            (Procuracy, "Viện kiểm sát nhân dân tỉnh", Contracts.V1.Agency.Types.Kind.Procuracy),
        })
        {
            await agencies.CreateAgencyAsync(new CreateAgencyRequest
            {
                Parent = $"provinces/{province}",
                AgencyId = id,
                Agency = new Contracts.V1.Agency { DisplayName = name, Kind = kind },
            });
        }

        var directive = await server.Client<DirectiveService.DirectiveServiceClient>(Mint(RoleNames.Secretariat, province))
            .CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = SampleDirectives.Draft() });
        return new TaskScenario(server, province, directive.Name);
    }

    public string Agency(string id) => $"provinces/{Province}/agencies/{id}";

    public TaskService.TaskServiceClient Secretariat(string subject = "thu-ky")
        => _server.Client<TaskService.TaskServiceClient>(Mint(RoleNames.Secretariat, Province, subject: subject, displayName: "Trần Thị Thư Ký"));

    public TaskService.TaskServiceClient Viewer() => _server.Client<TaskService.TaskServiceClient>(Mint(RoleNames.Viewer, Province));

    /// <summary>An officer of the agency <paramref name="agencyId"/> of this province.</summary>
    public TaskService.TaskServiceClient Officer(string agencyId, string subject = "can-bo")
        => _server.Client<TaskService.TaskServiceClient>(Mint(RoleNames.Officer, Province, Agency(agencyId), subject, "Nguyễn Văn Cán Bộ"));

    public TaskService.TaskServiceClient Ministry() => _server.Client<TaskService.TaskServiceClient>(Mint(RoleNames.Ministry, province: null));

    private static string Mint(string role, string? province, string? agency = null, string subject = "test-user", string? displayName = null)
        => Tokens.Issue(new DevelopmentTokenRequest(subject, [role]) { Province = province, Agency = agency, DisplayName = displayName });

    /// <summary>Creates a task under the scenario's directive as the secretariat.</summary>
    public Task<TaskResource> CreateAsync(
        string number,
        string lead = Police,
        string[]? cooperating = null,
        Deadline? deadline = null,
        string? taskId = null,
        string? title = null)
        => Secretariat().CreateTaskAsync(new CreateTaskRequest
        {
            Parent = Directive,
            TaskId = taskId ?? "",
            Task = NewTask(number, lead, cooperating, deadline, title),
        }).ResponseAsync;

    public TaskResource NewTask(string number, string lead = Police, string[]? cooperating = null, Deadline? deadline = null, string? title = null)
    {
        var task = new TaskResource
        {
            Number = number,
            Title = title ?? $"Nhiệm vụ {number}: bảo đảm an ninh, trật tự",
            Content = $"{number}. Nội dung nhiệm vụ theo Chỉ thị.",
            LeadAgency = Agency(lead),
            OriginalDeadline = deadline ?? Deadlines.On(2024, 12, 31),
        };
        task.CooperatingAgencies.AddRange((cooperating ?? []).Select(Agency));
        return task;
    }
}

/// <summary>Deadlines as the contract spells them.</summary>
internal static class Deadlines
{
    public static Deadline On(int year, int month, int day) => new() { Date = new Date { Year = year, Month = month, Day = day } };

    public static Deadline Quarter(int year, int quarter) => new() { Period = new Period { Kind = PeriodKind.Quarter, Year = year, Index = quarter } };

    public static Deadline Year(int year) => new() { Period = new Period { Kind = PeriodKind.Year, Year = year } };

    public static Deadline Standing() => new() { Standing = true };
}
