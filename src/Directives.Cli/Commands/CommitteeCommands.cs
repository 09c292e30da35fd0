using System.CommandLine;
using Directives.Cli.Output;
using Directives.Contracts.V1;
using Spectre.Console;

namespace Directives.Cli.Commands;

/// <summary><c>directives committee show [--at DATE]</c>: who sits on a steering committee, now or on a date.</summary>
internal static class CommitteeCommands
{
    public static Command Create()
    {
        var committee = new Option<string>("--committee", "-c") { Description = "The committee id or name.", DefaultValueFactory = _ => "bcd-138" };
        var at = new Option<string?>("--at") { Description = "The date (yyyy-MM-dd) to show the composition of; default: today." };
        var show = new Command("show", "Show a steering committee's members and vacant seats, by position.") { committee, at };
        show.SetRun(async (context, cancellationToken) =>
        {
            var id = context.ParseValue(committee)!;
            var request = new GetCompositionRequest
            {
                Committee = id.StartsWith("provinces/", StringComparison.Ordinal) ? id : $"provinces/{context.Province}/committees/{id}",
            };
            if (context.ParseValue(at) is { } date)
            {
                request.AsOfDate = DirectivesCommands.ParseDate(date);
            }

            using var client = context.CreateClient();
            var composition = await client.Committees.GetCompositionAsync(request, cancellationToken: cancellationToken);
            if (context.Terminal.Json)
            {
                context.Terminal.WriteJson(composition);
                return;
            }

            context.Terminal.Out.MarkupLine(Terminal.Text(
                $"{composition.Name} — {composition.Decision?.NumberAndSymbol} ({Formats.Date(composition.Decision?.IssueDate)}), hiệu lực từ {Formats.Date(composition.EffectiveDate)}, tại ngày {Formats.Date(composition.AsOfDate)}"));
            var table = Terminal.Table("Chức vụ", "Họ và tên", "Chức danh", "Cơ quan");
            foreach (var member in composition.Members.OrderBy(m => m.Position))
            {
                Terminal.AddRow(table, Formats.Enum(member.Position), member.PersonName, member.Title, Formats.Id(member.Agency));
            }

            foreach (var vacancy in composition.Vacancies)
            {
                Terminal.AddRow(table, Formats.Enum(vacancy.Position), "(trống)", Formats.Enum(vacancy.Reason), "");
            }

            context.Terminal.Write(table);
        });
        return new Command("committee", "Steering committees (Ban Chỉ đạo 138).") { show };
    }
}
