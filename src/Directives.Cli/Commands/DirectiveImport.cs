using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Directives.Cli.Output;
using Directives.Contracts.V1;
using Google.Protobuf;
using Spectre.Console;
using Directive = Directives.Contracts.V1.Directive;
using Task = System.Threading.Tasks.Task;

namespace Directives.Cli.Commands;

/// <summary>
/// <c>directives import-json FILE</c>: creates the directives of a JSON file, one call each,
/// with a progress bar. The file is what <c>directives list --json</c> writes (<c>{"directives": [...]}</c>)
/// or a bare array of directives. Each create carries a request_id derived from the province and the
/// directive's JSON, so running the same import again after an interruption never creates a duplicate:
/// the server returns what the first run created (for as long as it keeps request ids, 24 hours).
/// </summary>
internal static class DirectiveImport
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON file: the output of `directives list --json`, or an array of directives." };
        var command = new Command("import-json", "Create the directives of a JSON file in the province (secretariat), safely re-runnable.") { file };
        command.SetRun(async (context, cancellationToken) =>
        {
            var path = context.ParseValue(file)!;
            var directives = await ReadAsync(path, cancellationToken);
            var province = context.Province;
            using var client = context.CreateClient();
            var created = new List<Directive>(directives.Count);

            async Task ImportAll(Action? advance)
            {
                foreach (var directive in directives)
                {
                    created.Add(await client.Directives.CreateDirectiveAsync(ToRequest(province, directive), cancellationToken: cancellationToken));
                    advance?.Invoke();
                }
            }

            if (context.Terminal.Interactive)
            {
                await context.Terminal.Error.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("Importing " + Terminal.Text(path.Name), maxValue: directives.Count);
                    await ImportAll(() => task.Increment(1));
                });
            }
            else
            {
                await ImportAll(null);
            }

            if (context.Terminal.Json)
            {
                var response = new ListDirectivesResponse { TotalSize = created.Count };
                response.Directives.AddRange(created);
                context.Terminal.WriteJson(response);
                return;
            }

            DirectivesCommands.WriteTable(context.Terminal, created);
        });
        return command;
    }

    /// <summary>The create request of one imported directive: output-only fields dropped, the id kept, a stable request id.</summary>
    internal static CreateDirectiveRequest ToRequest(string province, Directive directive)
    {
        var input = directive.Clone();
        var id = input.Name.Length > 0 ? input.Name[(input.Name.LastIndexOf('/') + 1)..] : "";
        input.Name = "";
        input.Etag = "";
        input.Supersedes = "";
        input.SupersededBy = "";

        // A directive exported from another province names that province's monitoring agency: the same
        // agency of the target province (the provinces share one catalogue of provincial bodies).
        input.MonitoringAgency = Rehome(input.MonitoringAgency, province);
        return new CreateDirectiveRequest
        {
            Parent = "provinces/" + province,
            Directive = input,
            DirectiveId = id,
            RequestId = StableRequestId(province, directive),
        };
    }

    private static string Rehome(string name, string province)
    {
        var parts = name.Split('/');
        return parts.Length > 2 && parts[0] == "provinces" ? string.Join('/', ["provinces", province, .. parts[2..]]) : name;
    }

    /// <summary>A UUID (version 8, RFC 9562) from the SHA-256 of the province and the directive's bytes.</summary>
    internal static string StableRequestId(string province, Directive directive)
    {
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(province + "\n"), .. directive.ToByteArray()]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private static async Task<IReadOnlyList<Directive>> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var text = (await File.ReadAllTextAsync(file.FullName, cancellationToken)).Trim();
        if (text.StartsWith('['))
        {
            text = "{\"directives\": " + text + "}";
        }

        return Parser.Parse<ListDirectivesResponse>(text).Directives;
    }
}
