using System.Text;
using Google.Protobuf;
using Spectre.Console;

namespace Directives.Cli.Output;

/// <summary>
/// Where a command writes: tables or JSON on stdout (the result, nothing else), messages and progress on
/// stderr. Text is NFC-normalized before it is measured, so that Vietnamese letters with tone marks count as
/// one column each and tables stay aligned whatever form the data came in.
/// </summary>
internal sealed class Terminal
{
    // Wide enough for a subject line when stdout is a file or a pipe, where there is no window to fit.
    private const int RedirectedWidth = 200;

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public Terminal(bool json)
    {
        Json = json;
        Out = Create(Console.Out, Console.IsOutputRedirected);
        Error = Create(Console.Error, Console.IsErrorRedirected);
    }

    /// <summary>Whether the result is written as JSON.</summary>
    public bool Json { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Error { get; }

    /// <summary>Whether progress can be drawn: stderr is a terminal.</summary>
    public bool Interactive => !Console.IsErrorRedirected;

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "" : Markup.Escape(value.Normalize(NormalizationForm.FormC));

    /// <summary>Writes <paramref name="message"/> as protobuf JSON.</summary>
    public void WriteJson(IMessage message) => Console.Out.WriteLine(Formatter.Format(message));

    /// <summary>A table with <paramref name="headers"/>, rows added by the caller, then <see cref="Write"/>.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Text(header)));
        }

        return table;
    }

    public static void AddRow(Table table, params string?[] cells) => table.AddRow([.. cells.Select(Text)]);

    public void Write(Table table) => Out.Write(table);

    public void Note(string message) => Error.MarkupLine("[grey]" + Text(message) + "[/]");

    public void Fail(string message) => Error.MarkupLine("[red]" + Text(message) + "[/]");

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
