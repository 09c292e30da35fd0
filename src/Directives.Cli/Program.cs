using System.CommandLine;
using System.Text;
using Directives.Cli;

Console.OutputEncoding = Encoding.UTF8;
var root = DirectivesCommand.Create();
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // System.CommandLine's own parse errors exit 1, which scripts would read as CANCELLED: report them as usage errors.
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
