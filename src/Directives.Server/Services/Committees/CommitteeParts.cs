using Directives.Data;
using Directives.Data.Changes;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Google.Protobuf;
using ContractMember = Directives.Contracts.V1.CommitteeMember;

namespace Directives.Server.Services.Committees;

/// <summary>
/// A committee's compositions (without members) and members as the API shows them, by resource name: taken
/// before and after a write, the two tell which parts the write created or changed, each of which gets
/// its own change log entry (a reconstitution also ends the previous composition and its members).
/// </summary>
internal sealed class CommitteeParts
{
    private readonly Dictionary<string, (string Type, IMessage Resource)> _parts;

    private CommitteeParts(Dictionary<string, (string Type, IMessage Resource)> parts) => _parts = parts;

    public static CommitteeParts Of(CommitteeWorkspace work)
    {
        var parts = new Dictionary<string, (string, IMessage)>(StringComparer.Ordinal);
        foreach (var composition in work.Committee.Compositions)
        {
            var resource = work.Presenter.ToComposition(work.Committee, work.Stamp, composition, asOf: null);
            parts[resource.Name] = (CommitteeResourceTypes.Composition, resource);
            foreach (var member in composition.Members)
            {
                var shown = work.Presenter.ToMember(work.Stamp, composition, member);
                parts[shown.Name] = (CommitteeResourceTypes.Member, shown);
            }
        }

        return new CommitteeParts(parts);
    }

    /// <summary>The names of the parts that are new or differ in <paramref name="after"/>.</summary>
    public IReadOnlyList<string> ChangedIn(CommitteeParts after)
        => [.. after._parts.Where(p => !_parts.TryGetValue(p.Key, out var before) || !before.Resource.Equals(p.Value.Resource)).Select(p => p.Key)];

    /// <summary>Queues a change entry for each of <paramref name="changed"/>: created when this snapshot lacks it, else updated.</summary>
    public void Record(ProvinceDbContext db, ITenantContext tenant, string method, CommitteeParts after, IReadOnlyList<string> changed, string? requestId)
    {
        foreach (var name in changed)
        {
            var (type, resource) = after._parts[name];
            var before = _parts.TryGetValue(name, out var earlier) ? earlier.Resource : null;
            var etag = resource is ContractMember member ? member.Etag : "";
            db.RecordChange(tenant, method, before is null ? ChangeKind.Created : ChangeKind.Updated, name, type, before, resource, etag, requestId);
        }
    }
}
