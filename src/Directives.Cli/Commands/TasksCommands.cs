using System.CommandLine;
using Directives.Cli.Output;
using Directives.Contracts.V1;
using Task = System.Threading.Tasks.Task;

namespace Directives.Cli.Commands;

/// <summary><c>directives tasks list|report</c>.</summary>
internal static class TasksCommands
{
    public static Command Create() => new("tasks", "The tasks (nhiệm vụ) directives assign to agencies.") { List(), Report() };

    /// <summary>Writes tasks as a table; <paramref name="withProvince"/> adds the province column of cross-province lists.</summary>
    public static void WriteTable(Terminal terminal, IEnumerable<Contracts.V1.Task> tasks, bool withProvince = false)
    {
        string[] headers = ["Văn bản", "Số", "Nhiệm vụ", "Chủ trì", "Hạn", "Tình trạng", "Trễ (ngày)"];
        var table = Terminal.Table(withProvince ? ["Tỉnh", .. headers] : headers);
        foreach (var task in tasks)
        {
            string?[] cells =
            [
                DirectiveOf(task.Name),
                task.Number,
                task.Title,
                Formats.Id(task.LeadAgency),
                Formats.Deadline(task.Deadline),
                $"{Formats.Enum(task.State)} / {Formats.Enum(task.Timeliness)}",
                task.DaysLate > 0 ? task.DaysLate.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ];
            Terminal.AddRow(table, withProvince ? [Formats.ProvinceOf(task.Name), .. cells] : cells);
        }

        terminal.Write(table);
    }

    public static async Task<List<Contracts.V1.Task>> ListAsync(CliContext context, string parent, string filter, int limit, CancellationToken cancellationToken, bool withProvince = true)
    {
        using var client = context.CreateClient(withProvince);
        var unreachable = new SortedSet<string>(StringComparer.Ordinal);
        var tasks = await Pages.CollectAsync(
            context.Terminal,
            "Tasks",
            limit,
            async token =>
            {
                var page = await client.Tasks.ListTasksAsync(
                    new ListTasksRequest { Parent = parent, PageSize = Pages.PageSize, PageToken = token, Filter = filter },
                    cancellationToken: cancellationToken);
                unreachable.UnionWith(page.Unreachable);
                return page;
            },
            page => page.Tasks,
            page => page.NextPageToken,
            page => page.TotalSize);

        // AIP-217: a cross-province list names the provinces it could not read instead of failing.
        if (unreachable.Count > 0)
        {
            context.Terminal.Note("Not included, unreachable now: " + string.Join(", ", unreachable));
        }

        return tasks;
    }

    public static void Write(CliContext context, List<Contracts.V1.Task> tasks, bool withProvince = false)
    {
        if (context.Terminal.Json)
        {
            var response = new ListTasksResponse { TotalSize = tasks.Count };
            response.Tasks.AddRange(tasks);
            context.Terminal.WriteJson(response);
            return;
        }

        WriteTable(context.Terminal, tasks, withProvince);
    }

    private static Command List()
    {
        var directive = new Option<string?>("--directive", "-d") { Description = "Only this directive's tasks (its id or name); default: every directive of the province." };
        var overdue = new Option<bool>("--overdue") { Description = "Only overdue tasks (past their deadline, not completed)." };
        var agency = new Option<string?>("--agency") { Description = "Only tasks this agency leads or cooperates on (its id, cong-an-tinh, or name)." };
        var filter = new Option<string?>("--filter") { Description = "An AIP-160 filter, ANDed with the options above, for example 'state = IN_PROGRESS'." };
        var limit = new Option<int>("--limit") { Description = "At most this many tasks.", DefaultValueFactory = _ => 1000 };
        var command = new Command("list", "List a province's tasks, by directive and number.") { directive, overdue, agency, filter, limit };
        command.SetRun(async (context, cancellationToken) =>
        {
            var province = context.Province;
            var parent = context.ParseValue(directive) is { } d ? DirectivesCommands.NameOf(context, d) : $"provinces/{province}/directives/-";
            var clauses = new List<string>();
            if (context.ParseValue(overdue))
            {
                clauses.Add("timeliness = OVERDUE");
            }

            if (context.ParseValue(agency) is { } a)
            {
                clauses.Add($"agency = \"{AgencyName(province, a)}\"");
            }

            if (context.ParseValue(filter) is { Length: > 0 } f)
            {
                clauses.Add("(" + f + ")");
            }

            var tasks = await ListAsync(context, parent, string.Join(" AND ", clauses), context.ParseValue(limit), cancellationToken);
            Write(context, tasks);
        });
        return command;
    }

    private static Command Report()
    {
        var task = new Argument<string>("task") { Description = "The task's resource name, provinces/p/directives/d/tasks/t." };
        var text = new Option<string>("--text") { Description = "What was done.", Required = true };
        var percent = new Option<int>("--percent") { Description = "Percent done, 0 to 100." };
        var kind = ProtoEnumOption.Create("--kind", "The report's kind.", ProgressReport.Types.Kind.AdHoc);
        var agency = new Option<string?>("--agency") { Description = "The reporting agency (id or name); default: the token's agency." };
        var period = new Option<string?>("--period") { Description = "The period reported on: 2024 (a year), 2024-H1 (a half year), 2024-Q3 (a quarter); periodic reports need one." };
        var requestId = new Option<string?>("--request-id") { Description = "A UUID that makes retries safe. Default: a new one." };
        var command = new Command("report", "File a progress report on a task for an agency (officer of that agency, or secretariat).") { task, text, percent, kind, agency, period, requestId };
        command.SetRun(async (context, cancellationToken) =>
        {
            var name = context.ParseValue(task)!;
            var province = Formats.ProvinceOf(name);
            var reporter = context.ParseValue(agency) ?? context.Claim("agency") ?? throw new UsageException("No agency: give --agency, or a token with an agency.");
            using var client = context.CreateClient();
            var report = await client.Tasks.ReportProgressAsync(
                new ReportProgressRequest
                {
                    Parent = name,
                    RequestId = context.ParseValue(requestId) ?? Guid.NewGuid().ToString(),
                    Report = new ProgressReport
                    {
                        Kind = context.ParseValue(kind),
                        Agency = AgencyName(province, reporter),
                        Text = context.ParseValue(text)!,
                        PercentComplete = context.ParseValue(percent),
                        Period = context.ParseValue(period) is { } p ? ParsePeriod(p) : null,
                    },
                },
                cancellationToken: cancellationToken);
            if (context.Terminal.Json)
            {
                context.Terminal.WriteJson(report);
                return;
            }

            var table = Terminal.Table("Báo cáo", "Cơ quan", "Loại", "Hoàn thành (%)");
            Terminal.AddRow(table, report.Name, Formats.Id(report.Agency), Formats.Enum(report.Kind), report.PercentComplete.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.Terminal.Write(table);
        });
        return command;
    }

    /// <summary>2024, 2024-H1, 2024-Q3; a usage error otherwise.</summary>
    private static Period ParsePeriod(string text)
    {
        var parts = text.Trim().ToUpperInvariant().Split('-');
        if (int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000)
        {
            switch (parts)
            {
                case [_]:
                    return new Period { Kind = PeriodKind.Year, Year = year };
                case [_, ['H', var half]] when half is '1' or '2':
                    return new Period { Kind = PeriodKind.HalfYear, Year = year, Index = half - '0' };
                case [_, ['Q', var quarter]] when quarter is >= '1' and <= '4':
                    return new Period { Kind = PeriodKind.Quarter, Year = year, Index = quarter - '0' };
            }
        }

        throw new UsageException($"'{text}' is not a period: 2024, 2024-H1 or 2024-Q3.");
    }

    private static string AgencyName(string province, string agency)
        => agency.StartsWith("provinces/", StringComparison.Ordinal) ? agency : $"provinces/{province}/agencies/{agency}";

    private static string DirectiveOf(string taskName)
    {
        var parts = taskName.Split('/');
        return parts.Length > 3 ? parts[3] : "";
    }
}
