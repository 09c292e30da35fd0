using Directives.Contracts.V1;
using Directives.Data.Changes;
using Directives.Server.Auth;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>The caller as the API shows it (<c>Actor</c>) and as the change log records it.</summary>
internal static class ActorMapping
{
    public static Actor ToContract(CallerIdentity caller)
    {
        var actor = new Actor { Subject = caller.Subject, DisplayName = caller.DisplayName ?? "", Agency = caller.Agency ?? "" };
        actor.Roles.AddRange(caller.RoleNameList);
        return actor;
    }

    public static Actor ToContract(ChangeActor recorded)
    {
        var actor = new Actor { Subject = recorded.Subject, DisplayName = recorded.DisplayName ?? "", Agency = recorded.Agency ?? "" };
        actor.Roles.AddRange(recorded.Roles);
        return actor;
    }

    public static ChangeActor ToChangeActor(CallerIdentity caller)
        => new(caller.Subject, caller.DisplayName, caller.Agency, caller.RoleNameList);
}
