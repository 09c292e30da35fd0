using System.CommandLine;

namespace Directives.Cli.Commands;

/// <summary><c>directives ministry overdue</c>: the central ministry's views across provinces.</summary>
internal static class MinistryCommands
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "At most this many tasks.", DefaultValueFactory = _ => 10000 };
        var overdue = new Command("overdue", "Every overdue task of every province (ministry role), by province.") { limit };
        overdue.SetRun(async (context, cancellationToken) =>
        {
            var tasks = await TasksCommands.ListAsync(context, "provinces/-/directives/-", "timeliness = OVERDUE", context.ParseValue(limit), cancellationToken, withProvince: false);
            TasksCommands.Write(context, tasks, withProvince: true);
        });
        return new Command("ministry", "Views across provinces for the central ministry.") { overdue };
    }
}
