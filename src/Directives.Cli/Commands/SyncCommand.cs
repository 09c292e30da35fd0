using System.CommandLine;
using Directives.Cli.Output;
using Directives.Client.Sync;
using Spectre.Console;

namespace Directives.Cli.Commands;

/// <summary><c>directives sync --cache FILE</c>: brings a local SQLite cache up to date with the province's change feed.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var cacheFile = new Option<FileInfo>("--cache") { Description = "The SQLite cache file; created if missing.", Required = true };
        var command = new Command("sync", "Bring a local cache of the province up to date from its change feed (what a thick client does), then print what it holds.") { cacheFile };
        command.SetRun(async (context, cancellationToken) =>
        {
            var province = context.Province;
            await using var cache = await OfflineCache.OpenAsync(context.ParseValue(cacheFile)!.FullName, cancellationToken);
            using var client = context.CreateClient();
            var synchronizer = new ChangeSynchronizer(client, cache, province);
            SyncResult result;
            if (context.Terminal.Interactive)
            {
                result = await context.Terminal.Error.Status().StartAsync("Syncing " + Terminal.Text(province), async status =>
                    await synchronizer.SyncAsync(new Progress<SyncResult>(r => status.Status($"Syncing {Terminal.Text(province)}: {r.Applied} changes")), cancellationToken));
            }
            else
            {
                result = await synchronizer.SyncAsync(cancellationToken: cancellationToken);
            }

            var table = Terminal.Table("Province", "Changes applied", "Pages", "Directives", "Tasks", "Agencies");
            Terminal.AddRow(
                table,
                province,
                result.Applied.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await CountAsync(cache, province, "directives.gov.vn/Directive", cancellationToken),
                await CountAsync(cache, province, "directives.gov.vn/Task", cancellationToken),
                await CountAsync(cache, province, "directives.gov.vn/Agency", cancellationToken));
            context.Terminal.Write(table);
        });
        return command;
    }

    private static async Task<string> CountAsync(OfflineCache cache, string province, string type, CancellationToken cancellationToken)
        => (await cache.ListAsync(province, type, cancellationToken: cancellationToken)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
