using Directives.Domain.Tasks;

namespace Directives.Server.Services.Tasks;

/// <summary>The agencies a task names, lead and cooperating.</summary>
internal static class TaskAgencies
{
    public static IReadOnlySet<Guid> Of(DirectiveTask task) => new HashSet<Guid>(task.CooperatingAgencyIds) { task.LeadAgencyId };
}
