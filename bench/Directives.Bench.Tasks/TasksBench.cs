using System.Diagnostics;
using System.Globalization;
using Directives.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Task = System.Threading.Tasks.Task;

namespace Directives.Bench.Tasks;

/// <summary>
/// What the benchmark measures against one running server: ListTasks latency (page of 50) for filters a
/// province and the ministry use, first pages and pages deep in a listing, and CreateTask throughput
/// with several concurrent secretaries.
/// </summary>
internal sealed class TasksBench(GrpcChannel channel, BenchOptions options, IReadOnlyList<string> directives)
{
    private const int PageSize = 50;
    private const int WarmUp = 20;
    private static readonly string Province = $"provinces/{TasksProvince.Province}";

    private readonly Metadata _viewer = Bearer(TasksProvince.Viewer());
    private readonly Metadata _secretariat = Bearer(TasksProvince.Secretariat());

    public async Task RunAsync(string provider, TextWriter report, TextWriter progress)
    {
        var tasks = new TaskService.TaskServiceClient(channel);
        var scenarios = new (string Name, ListTasksRequest Request)[]
        {
            ("`state = IN_PROGRESS`, whole province, by number", List($"{Province}/directives/-", "state = IN_PROGRESS")),
            ("`timeliness = OVERDUE AND agency = …/agency-7`", List($"{Province}/directives/-", $"timeliness = OVERDUE AND agency = \"{Province}/agencies/agency-7\"")),
            ("deadline in Q3/2024, by `deadline_time`", List($"{Province}/directives/-", "deadline_time >= \"2024-07-01T00:00:00+07:00\" AND deadline_time < \"2024-10-01T00:00:00+07:00\"", "deadline_time")),
            ("one directive, `state != CANCELLED`", List($"{Province}/directives/{directives[directives.Count / 2]}", "state != CANCELLED")),
        };

        await report.WriteLineAsync($"### {provider}");
        await report.WriteLineAsync();
        await report.WriteLineAsync("| ListTasks, page of 50 | matching | p50 ms | p99 ms | calls |");
        await report.WriteLineAsync("|---|---:|---:|---:|---:|");
        foreach (var (name, request) in scenarios)
        {
            await progress.WriteLineAsync($"{provider}: {name}");
            var latencies = new Latencies();
            var total = 0;
            for (var i = 0; i < WarmUp + options.Iterations; i++)
            {
                var timed = i < WarmUp ? new Latencies() : latencies;
                var response = await timed.TimeAsync(() => tasks.ListTasksAsync(request, _viewer).ResponseAsync);
                total = response.TotalSize;
                if (response.Tasks.Count != Math.Min(PageSize, total))
                {
                    throw new InvalidOperationException($"{name}: a page of {response.Tasks.Count} of {total}.");
                }
            }

            await report.WriteLineAsync($"| {name} | {total:N0} | {Ms(latencies.Percentile(0.5))} | {Ms(latencies.Percentile(0.99))} | {latencies.Count} |");
        }

        await report.WriteLineAsync($"| pages 2–11 of `state = IN_PROGRESS` (page tokens) | | {await PagesAsync(tasks, scenarios[0].Request, progress)} | |");
        await report.WriteLineAsync();
        await CreateAsync(tasks, provider, report, progress);
        await report.WriteLineAsync();
    }

    // Ten pages in a row, ten times: the keyset continues from the token, so a deep page costs what the first does.
    private async Task<string> PagesAsync(TaskService.TaskServiceClient tasks, ListTasksRequest first, TextWriter progress)
    {
        await progress.WriteLineAsync("pages through page tokens");
        var latencies = new Latencies();
        for (var round = 0; round < 10; round++)
        {
            var request = first.Clone();
            request.PageToken = (await tasks.ListTasksAsync(request, _viewer)).NextPageToken;
            for (var page = 0; page < 10; page++)
            {
                var response = await latencies.TimeAsync(() => tasks.ListTasksAsync(request, _viewer).ResponseAsync);
                request.PageToken = response.NextPageToken;
            }
        }

        return $"{Ms(latencies.Percentile(0.5))} | {Ms(latencies.Percentile(0.99))}";
    }

    // Each secretary fills a fresh directive of their own, so the writers contend only for the province's feed.
    private async Task CreateAsync(TaskService.TaskServiceClient tasks, string provider, TextWriter report, TextWriter progress)
    {
        await progress.WriteLineAsync($"{provider}: CreateTask × {options.Creates:N0}, {options.Concurrency} concurrent");
        var directiveClient = new DirectiveService.DirectiveServiceClient(channel);
        var parents = new List<string>();
        for (var i = 0; i < options.Concurrency + 1; i++)
        {
            var directive = await directiveClient.CreateDirectiveAsync(
                new CreateDirectiveRequest
                {
                    Parent = Province,
                    Directive = new Directive
                    {
                        DocumentType = DocumentType.Directive,
                        NumberAndSymbol = $"{9000 + i}/CT-UBND",
                        IssuingBody = "Ủy ban nhân dân tỉnh",
                        IssueDate = new Date { Year = 2025, Month = 1, Day = 2 },
                        Subject = "Về công tác bảo đảm an ninh, trật tự năm 2025",
                        Signer = new Signer { FullName = "Nguyễn Văn Vinh", Title = "Chủ tịch", OnBehalfOf = "TM. ỦY BAN NHÂN DÂN" },
                        Body = "Chỉ thị về công tác bảo đảm an ninh, trật tự.",
                    },
                },
                _secretariat);
            parents.Add(directive.Name);
        }

        // Warm-up on a directive of its own, then the measured creates.
        for (var i = 1; i <= WarmUp; i++)
        {
            await tasks.CreateTaskAsync(Create(parents[^1], i), _secretariat);
        }

        var latencies = new Latencies();
        var perWriter = options.Creates / options.Concurrency;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async writer =>
        {
            for (var i = 1; i <= perWriter; i++)
            {
                await latencies.TimeAsync(() => tasks.CreateTaskAsync(Create(parents[writer], i), _secretariat).ResponseAsync);
            }
        }));
        var elapsed = clock.Elapsed;

        await report.WriteLineAsync("| CreateTask | writers | creates | creates/s | p50 ms | p99 ms |");
        await report.WriteLineAsync("|---|---:|---:|---:|---:|---:|");
        await report.WriteLineAsync(
            $"| one task with a target, a lead and a cooperating agency, a request_id | {options.Concurrency} | {latencies.Count:N0} | " +
            $"{(latencies.Count / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} | {Ms(latencies.Percentile(0.5))} | {Ms(latencies.Percentile(0.99))} |");
    }

    private static CreateTaskRequest Create(string parent, int number)
    {
        var task = new Directives.Contracts.V1.Task
        {
            Number = number.ToString(CultureInfo.InvariantCulture),
            Title = "Bảo đảm an ninh, trật tự trên địa bàn",
            Content = "Các cơ quan, đơn vị chủ động nắm tình hình, đấu tranh phòng, chống tội phạm.",
            LeadAgency = $"{Province}/agencies/agency-{number % ProvinceSeeder.AgencyCount}",
            OriginalDeadline = new Deadline { Period = new Period { Kind = PeriodKind.Quarter, Year = 2025, Index = 1 + (number % 4) } },
        };
        task.CooperatingAgencies.Add($"{Province}/agencies/agency-{(number + 1) % ProvinceSeeder.AgencyCount}");
        task.Targets.Add(new Target { Metric = "Tỷ lệ điều tra, khám phá án", Comparator = Target.Types.Comparator.Above, Value = 75, Unit = "%", Kind = Target.Types.Kind.Absolute });
        return new CreateTaskRequest { Parent = parent, Task = task, RequestId = Guid.NewGuid().ToString() };
    }

    private static ListTasksRequest List(string parent, string filter, string orderBy = "")
        => new() { Parent = parent, Filter = filter, OrderBy = orderBy, PageSize = PageSize };

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture);
}
