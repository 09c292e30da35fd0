using System.CommandLine;
using System.Globalization;
using Directives.Cli.Output;
using Directives.Contracts.V1;
using Directive = Directives.Contracts.V1.Directive;

namespace Directives.Cli.Commands;

/// <summary>
/// <c>directives list|get|create|import-json</c>: directives are the tool's main resource, so their commands
/// sit at the top level (<c>directives list</c>, not <c>directives directives list</c>).
/// </summary>
internal static class DirectivesCommands
{
    public static IEnumerable<Command> Create() => [List(), Get(), CreateOne(), DirectiveImport.Create()];

    /// <summary>The resource name for a directive id or name, in the context's province.</summary>
    public static string NameOf(CliContext context, string idOrName)
        => idOrName.StartsWith("provinces/", StringComparison.Ordinal) ? idOrName : $"provinces/{context.Province}/directives/{idOrName}";

    public static void WriteTable(Terminal terminal, IEnumerable<Directive> directives)
    {
        var table = Terminal.Table("Số, ký hiệu", "Loại", "Ngày ban hành", "Trạng thái", "Trích yếu", "Mã");
        foreach (var directive in directives)
        {
            Terminal.AddRow(
                table,
                directive.NumberAndSymbol,
                Formats.Enum(directive.DocumentType),
                Formats.Date(directive.IssueDate),
                Formats.Enum(directive.State),
                directive.Subject,
                Formats.Id(directive.Name));
        }

        terminal.Write(table);
    }

    private static Command List()
    {
        var filter = new Option<string?>("--filter") { Description = "An AIP-160 filter, for example 'state = ISSUED'." };
        var query = new Option<string?>("--query", "-q") { Description = "Words to search, diacritics and case folded: \"chi thi an ninh\"." };
        var limit = new Option<int>("--limit") { Description = "At most this many directives.", DefaultValueFactory = _ => 1000 };
        var command = new Command("list", "List the province's directives (văn bản chỉ đạo).") { filter, query, limit };
        command.SetRun(async (context, cancellationToken) =>
        {
            using var client = context.CreateClient();
            var parent = "provinces/" + context.Province;
            var directives = await Pages.CollectAsync(
                context.Terminal,
                "Directives",
                context.ParseValue(limit),
                token => client.Directives.ListDirectivesAsync(
                    new ListDirectivesRequest { Parent = parent, PageSize = Pages.PageSize, PageToken = token, Filter = context.ParseValue(filter) ?? "", Query = context.ParseValue(query) ?? "" },
                    cancellationToken: cancellationToken).ResponseAsync,
                page => page.Directives,
                page => page.NextPageToken,
                page => page.TotalSize);
            if (context.Terminal.Json)
            {
                var response = new ListDirectivesResponse { TotalSize = directives.Count };
                response.Directives.AddRange(directives);
                context.Terminal.WriteJson(response);
                return;
            }

            WriteTable(context.Terminal, directives);
        });
        return command;
    }

    private static Command Get()
    {
        var id = new Argument<string>("directive") { Description = "The directive's id (2022-15-ct-ubnd) or resource name." };
        var command = new Command("get", "Show one directive.") { id };
        command.SetRun(async (context, cancellationToken) =>
        {
            using var client = context.CreateClient();
            var directive = await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = NameOf(context, context.ParseValue(id)!) }, cancellationToken: cancellationToken);
            if (context.Terminal.Json)
            {
                context.Terminal.WriteJson(directive);
                return;
            }

            var table = Terminal.Table("Trường", "Giá trị");
            Terminal.AddRow(table, "Tên", directive.Name);
            Terminal.AddRow(table, "Số, ký hiệu", directive.NumberAndSymbol);
            Terminal.AddRow(table, "Loại", Formats.Enum(directive.DocumentType));
            Terminal.AddRow(table, "Cơ quan ban hành", directive.IssuingBody);
            Terminal.AddRow(table, "Nơi, ngày ban hành", string.Join(", ", new[] { directive.Place, Formats.Date(directive.IssueDate) }.Where(s => s.Length > 0)));
            Terminal.AddRow(table, "Trích yếu", directive.Subject);
            Terminal.AddRow(table, "Người ký", directive.Signer is null ? "" : $"{directive.Signer.FullName}, {directive.Signer.Title}");
            Terminal.AddRow(table, "Căn cứ", string.Join("; ", directive.LegalBases.Select(b => b.NumberAndSymbol)));
            Terminal.AddRow(table, "Cơ quan theo dõi", Formats.Id(directive.MonitoringAgency));
            Terminal.AddRow(table, "Trạng thái", Formats.Enum(directive.State));
            context.Terminal.Write(table);
        });
        return command;
    }

    private static Command CreateOne()
    {
        var type = ProtoEnumOption.Create("--type", "The document type.", DocumentType.Directive);
        var number = new Option<string?>("--number") { Description = "The number and symbol, 15/CT-UBND." };
        var issuingBody = new Option<string>("--issuing-body") { Description = "The issuing body, \"UBND tỉnh Hưng Yên\".", Required = true };
        var subject = new Option<string>("--subject") { Description = "The subject line (trích yếu).", Required = true };
        var place = new Option<string?>("--place") { Description = "The place of issue." };
        var date = new Option<string?>("--issue-date") { Description = "The date of issue, yyyy-MM-dd." };
        var id = new Option<string?>("--id") { Description = "The directive id to give it (2024-01-ct-ubnd); the server chooses otherwise." };
        var requestId = new Option<string?>("--request-id") { Description = "A UUID that makes retries safe: the same one again returns the first result. Default: a new one." };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check the request without creating anything." };
        var command = new Command("create", "Create a draft directive (secretariat).") { type, number, issuingBody, subject, place, date, id, requestId, validateOnly };
        command.SetRun(async (context, cancellationToken) =>
        {
            var directive = new Directive
            {
                DocumentType = context.ParseValue(type),
                NumberAndSymbol = context.ParseValue(number) ?? "",
                IssuingBody = context.ParseValue(issuingBody)!,
                Subject = context.ParseValue(subject)!,
                Place = context.ParseValue(place) ?? "",
            };
            if (context.ParseValue(date) is { } text)
            {
                directive.IssueDate = ParseDate(text);
            }

            using var client = context.CreateClient();
            var created = await client.Directives.CreateDirectiveAsync(
                new CreateDirectiveRequest
                {
                    Parent = "provinces/" + context.Province,
                    Directive = directive,
                    DirectiveId = context.ParseValue(id) ?? "",
                    RequestId = context.ParseValue(requestId) ?? Guid.NewGuid().ToString(),
                    ValidateOnly = context.ParseValue(validateOnly),
                },
                cancellationToken: cancellationToken);
            if (context.Terminal.Json)
            {
                context.Terminal.WriteJson(created);
                return;
            }

            WriteTable(context.Terminal, [created]);
        });
        return command;
    }

    /// <summary>A yyyy-MM-dd date; a usage error otherwise.</summary>
    public static Date ParseDate(string text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : throw new UsageException($"'{text}' is not a yyyy-MM-dd date.");
}
