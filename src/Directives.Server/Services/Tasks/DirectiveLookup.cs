using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Tasks;

/// <summary>The directive a task belongs to, as far as its tasks' writes need it.</summary>
internal sealed record DirectiveLookup(Guid Id, string ResourceId, DirectiveState State, bool IsDeleted)
{
    public static async Task<DirectiveLookup> FindAsync(TaskWorkspace work, string directiveId, CancellationToken cancellationToken)
    {
        var found = await work.Db.Directives.AsNoTracking()
            .WithResourceId(directiveId)
            .Select(d => new DirectiveLookup(d.Id, directiveId, d.State, EF.Property<long?>(d, ResourceProperties.DeleteTime) != null))
            .FirstOrDefaultAsync(cancellationToken);
        return found ?? throw ApiErrors.NotFound(DirectiveName.Pattern.Format(work.ProvinceId, directiveId));
    }

    public string Name(string provinceId) => DirectiveName.Pattern.Format(provinceId, ResourceId);

    /// <summary>FAILED_PRECONDITION unless the directive takes new tasks: not deleted, and neither superseded, expired nor revoked.</summary>
    public void EnsureAcceptsTasks(string provinceId)
    {
        if (IsDeleted)
        {
            throw ApiErrors.ParentDeleted(Name(provinceId));
        }

        if (State is DirectiveState.Superseded or DirectiveState.Expired or DirectiveState.Revoked)
        {
            throw ApiErrors.InvalidStateTransition(
                Name(provinceId),
                State.ToString().ToUpperInvariant(),
                $"The directive {Name(provinceId)} is {State.ToString().ToUpperInvariant()}: it takes no new or changed tasks.");
        }
    }
}
