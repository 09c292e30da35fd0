using System.CommandLine;
using Directives.Cli.Commands;

namespace Directives.Cli;

/// <summary>The root command, <c>directives</c>, and its command tree.</summary>
internal static class DirectivesCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand($"""
            The command-line client of Directives.Grpc: provinces' security-and-order directives, their tasks
            and steering committees. Tables for people, --json for scripts.
            Server: --server or ${GlobalOptions.ServerVariable} (default {GlobalOptions.DefaultServer}); token: --token or ${GlobalOptions.TokenVariable}.
            {ExitCodes.Help}
            """);
        GlobalOptions.AddTo(root);
        root.Add(TokenCommand.Create());
        root.Add(ProvincesCommands.Create());
        foreach (var command in DirectivesCommands.Create())
        {
            root.Add(command);
        }

        root.Add(TasksCommands.Create());
        root.Add(CommitteeCommands.Create());
        root.Add(MinistryCommands.Create());
        root.Add(SyncCommand.Create());
        return root;
    }
}
