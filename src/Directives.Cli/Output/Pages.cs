using Spectre.Console;

namespace Directives.Cli.Output;

/// <summary>Reads every page of a List call (up to a limit), with a progress bar on stderr when it takes several pages.</summary>
internal static class Pages
{
    public const int PageSize = 200;

    public static async Task<List<TItem>> CollectAsync<TResponse, TItem>(
        Terminal terminal,
        string label,
        int limit,
        Func<string, Task<TResponse>> fetch,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TResponse, string> nextPageToken,
        Func<TResponse, int> totalSize)
    {
        var first = await fetch("");
        var collected = items(first).Take(limit).ToList();
        var next = nextPageToken(first);
        if (next.Length == 0 || collected.Count >= limit)
        {
            return collected;
        }

        var total = Math.Min(limit, Math.Max(totalSize(first), collected.Count));
        async Task ReadRest(Action<int>? advance)
        {
            while (next.Length > 0 && collected.Count < limit)
            {
                var page = await fetch(next);
                var before = collected.Count;
                collected.AddRange(items(page).Take(limit - collected.Count));
                advance?.Invoke(collected.Count - before);
                next = nextPageToken(page);
            }
        }

        if (!terminal.Interactive)
        {
            await ReadRest(null);
            return collected;
        }

        await terminal.Error.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(Terminal.Text(label), maxValue: total);
            task.Increment(collected.Count);
            await ReadRest(count => task.Increment(count));
        });
        return collected;
    }
}
