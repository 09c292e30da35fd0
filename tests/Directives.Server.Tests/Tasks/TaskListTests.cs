using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Directives;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>ListTasks: its filters, its orders, and keyset pages that neither skip nor repeat while tasks are added.</summary>
public abstract class TaskListTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task FiltersSelectByStateAgencyAndDeadlineRange()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var police = await scenario.CreateAsync("1", TaskScenario.Police, deadline: Deadlines.On(2024, 7, 1), title: "Bảo đảm an ninh nông thôn");
        var justiceWithPolice = await scenario.CreateAsync("2", TaskScenario.Justice, [TaskScenario.Police], Deadlines.Quarter(2024, 3), title: "Tuyên truyền pháp luật");
        var transport = await scenario.CreateAsync("3", TaskScenario.Transport, [TaskScenario.Justice], Deadlines.On(2024, 10, 1), title: "Trật tự an toàn giao thông");
        var standing = await scenario.CreateAsync("4", TaskScenario.Police, deadline: Deadlines.Standing(), title: "Theo dõi, đôn đốc");
        var sub = await scenario.CreateAsync("4.1", TaskScenario.Procuracy, deadline: Deadlines.On(2024, 6, 30), title: "Kiểm sát điều tra");
        await scenario.Secretariat().CompleteTaskAsync(new CompleteTaskRequest { Name = transport.Name });
        var police1 = scenario.Agency(TaskScenario.Police);
        var justice = scenario.Agency(TaskScenario.Justice);

        Assert.Equal([transport.Name], await NamesAsync(scenario, "state = COMPLETED"));
        Assert.Equal([police.Name, justiceWithPolice.Name, standing.Name, sub.Name], await NamesAsync(scenario, "state = NOT_STARTED"));
        Assert.Equal([police.Name, justiceWithPolice.Name, standing.Name], await NamesAsync(scenario, $"agency = \"{police1}\""));
        Assert.Equal([transport.Name, sub.Name], await NamesAsync(scenario, $"agency != \"{police1}\""));
        Assert.Equal([police.Name, standing.Name], await NamesAsync(scenario, $"lead_agency = \"{police1}\""));
        Assert.Equal([justiceWithPolice.Name, transport.Name], await NamesAsync(scenario, $"cooperating_agencies:\"{justice}\" OR lead_agency = \"{justice}\""));
        Assert.Equal(
            [police.Name, justiceWithPolice.Name],
            await NamesAsync(scenario, "deadline_time >= \"2024-07-01T00:00:00+07:00\" AND deadline_time < \"2024-10-01T00:00:00+07:00\""));
        Assert.Equal([standing.Name], await NamesAsync(scenario, "deadline.standing = true"));
        Assert.Equal([sub.Name], await NamesAsync(scenario, $"parent_task = \"{standing.Name}\""));
        Assert.Equal([police.Name, justiceWithPolice.Name, transport.Name, standing.Name], await NamesAsync(scenario, "parent_task = \"\""));
        Assert.Equal([standing.Name, sub.Name], await NamesAsync(scenario, "number:\"4\""));
        Assert.Equal([justiceWithPolice.Name], await NamesAsync(scenario, "number = \"2\""));
        Assert.Equal([police.Name, transport.Name], await NamesAsync(scenario, "title:\"an ninh\" OR title:\"GIAO THONG\""));
        Assert.Equal([police.Name, justiceWithPolice.Name, standing.Name, sub.Name], await NamesAsync(scenario, $"directive = \"{scenario.Directive}\" AND NOT state = COMPLETED"));
        Assert.Equal(5, (await NamesAsync(scenario, "directive.state = DRAFT")).Count);
        Assert.Empty(await NamesAsync(scenario, "directive.state = ISSUED"));

        // Across the province's directives, ordered by deadline (standing tasks last), descending too.
        var byDeadline = await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.AllDirectives, OrderBy = "deadline_time" });
        Assert.Equal([sub.Name, police.Name, justiceWithPolice.Name, transport.Name, standing.Name], byDeadline.Tasks.Select(t => t.Name));
        var byDeadlineDescending = await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.AllDirectives, OrderBy = "deadline_time desc" });
        Assert.Equal([standing.Name, transport.Name, justiceWithPolice.Name, police.Name, sub.Name], byDeadlineDescending.Tasks.Select(t => t.Name));
    }

    [Fact]
    public async Task BadListParametersAreInvalid()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var viewer = scenario.Viewer();

        await ApiAssert.FailsAsync(() => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, Filter = "state = DONE" }), StatusCode.InvalidArgument, "INVALID_FILTER");
        await ApiAssert.FailsAsync(() => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, Filter = "color = \"red\"" }), StatusCode.InvalidArgument, "INVALID_FILTER");
        await ApiAssert.FailsAsync(() => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, OrderBy = "title" }), StatusCode.InvalidArgument, "INVALID_ORDER_BY");
        await ApiAssert.InvalidAsync(() => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, PageSize = -1 }), "page_size");
        await ApiAssert.FailsAsync(
            () => viewer.ListTasksAsync(new ListTasksRequest { Parent = $"provinces/{scenario.Province}/directives/none" }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await ApiAssert.FailsAsync(
            () => viewer.ListTasksAsync(new ListTasksRequest { Parent = "provinces/-/directives/-" }), StatusCode.PermissionDenied, "CROSS_PROVINCE_DENIED");

        for (var i = 1; i <= 3; i++)
        {
            await scenario.CreateAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var first = await viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, PageSize = 2 });
        Assert.NotEmpty(first.NextPageToken);
        await ApiAssert.FailsAsync(
            () => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, PageSize = 2, PageToken = first.NextPageToken, Filter = "state = COMPLETED" }),
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
        await ApiAssert.FailsAsync(
            () => viewer.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, PageToken = first.NextPageToken + "x" }),
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task PagesNeitherSkipNorRepeatWhileTasksAreAdded()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var existing = new List<string>();
        for (var i = 1; i <= 30; i++)
        {
            existing.Add((await scenario.CreateAsync((i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture))).Name);
        }

        var seen = new List<string>();
        var added = 0;
        var request = new ListTasksRequest { Parent = scenario.Directive, PageSize = 7 };
        do
        {
            var page = await scenario.Viewer().ListTasksAsync(request);
            seen.AddRange(page.Tasks.Select(t => t.Name));
            request.PageToken = page.NextPageToken;

            // Between pages, other writers add tasks before and after the position reached, concurrently.
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            {
                var number = Interlocked.Increment(ref added);
                return scenario.CreateAsync($"{(number * 10) + (number % 2 == 0 ? 1 : 5)}");
            }));
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(existing, name => Assert.Contains(name, seen));
        var numbers = (await ListAllAsync(scenario, new ListTasksRequest { Parent = scenario.Directive, PageSize = 1000 })).Select(t => t.Number).ToList();
        Assert.Equal(30 + added, numbers.Count);
    }

    [Fact]
    public async Task TheMinistryListsEveryProvinceInOrder()
    {
        var first = await TaskScenario.CreateAsync(server);
        var second = await TaskScenario.CreateAsync(server);
        foreach (var scenario in new[] { first, second })
        {
            for (var i = 1; i <= 3; i++)
            {
                await scenario.CreateAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var filter = $"directive = \"{first.Directive}\" OR directive = \"{second.Directive}\"";
        var tasks = await ListAllAsync(first, new ListTasksRequest { Parent = "provinces/-/directives/-", Filter = filter, PageSize = 2 }, first.Ministry());

        var expected = new[] { first, second }.OrderBy(s => s.Province, StringComparer.Ordinal)
            .SelectMany(s => new[] { "1", "2", "3" }.Select(n => (s.Province, n)))
            .ToList();
        Assert.Equal(expected, tasks.Select(t => (t.Name.Split('/')[1], t.Number)));
        var whole = await first.Ministry().ListTasksAsync(new ListTasksRequest { Parent = "provinces/-/directives/-", Filter = filter });
        Assert.Equal(6, whole.TotalSize);
        Assert.Empty(whole.Unreachable);

        // A ministry caller reads one province too, but writes nothing.
        Assert.Equal(3, (await first.Ministry().ListTasksAsync(new ListTasksRequest { Parent = first.Directive })).TotalSize);
        await ApiAssert.FailsAsync(
            () => server.Client<TaskService.TaskServiceClient>(RoleNames.Ministry, province: null)
                .CreateTaskAsync(new CreateTaskRequest { Parent = first.Directive, Task = first.NewTask("9") }),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
    }

    [Fact]
    public async Task TasksOfEveryDirectiveOfTheProvince()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var other = await server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, scenario.Province)
            .CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{scenario.Province}", Directive = SampleDirectives.Draft() });
        await scenario.CreateAsync("1");
        await scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = other.Name, Task = scenario.NewTask("1") });

        var all = await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.AllDirectives });

        Assert.Equal(2, all.TotalSize);
        Assert.Equal(new[] { scenario.Directive, other.Name }.Order(StringComparer.Ordinal), all.Tasks.Select(t => t.Name[..t.Name.IndexOf("/tasks/", StringComparison.Ordinal)]));
    }

    private static async Task<List<string>> NamesAsync(TaskScenario scenario, string filter)
        => [.. (await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, Filter = filter })).Tasks.Select(t => t.Name)];

    private static async Task<List<Contracts.V1.Task>> ListAllAsync(TaskScenario scenario, ListTasksRequest request, TaskService.TaskServiceClient? client = null)
    {
        var tasks = new List<Contracts.V1.Task>();
        do
        {
            var page = await (client ?? scenario.Viewer()).ListTasksAsync(request);
            tasks.AddRange(page.Tasks);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return tasks;
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskListTestsOnSqlite(SqliteServer server) : TaskListTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskListTestsOnPostgreSql(PostgreSqlServer server) : TaskListTests(server), IClassFixture<PostgreSqlServer>;
