using System.CommandLine;
using Directives.Cli.Output;
using Directives.Contracts.V1;

namespace Directives.Cli.Commands;

/// <summary><c>directives provinces list</c>.</summary>
internal static class ProvincesCommands
{
    public static Command Create()
    {
        var list = new Command("list", "List the provinces (tenants): the 34 provincial units and the merged ones kept read-only.");
        list.SetRun(async (context, cancellationToken) =>
        {
            using var client = context.CreateClient(withProvince: false);
            var provinces = await Pages.CollectAsync(
                context.Terminal,
                "Provinces",
                int.MaxValue,
                token => client.Provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = Pages.PageSize, PageToken = token }, cancellationToken: cancellationToken).ResponseAsync,
                page => page.Provinces,
                page => page.NextPageToken,
                _ => 0);
            if (context.Terminal.Json)
            {
                var response = new ListProvincesResponse();
                response.Provinces.AddRange(provinces);
                context.Terminal.WriteJson(response);
                return;
            }

            var table = Terminal.Table("Mã", "Tên", "Trạng thái", "Kế thừa bởi", "Tiền thân");
            foreach (var province in provinces)
            {
                Terminal.AddRow(
                    table,
                    Formats.Id(province.Name),
                    province.DisplayName,
                    Formats.Enum(province.State),
                    Formats.Id(province.Successor),
                    string.Join(", ", province.Predecessors.Select(Formats.Id)));
            }

            context.Terminal.Write(table);
        });
        return new Command("provinces", "The provinces (tenants).") { list };
    }
}
