using Directives.Data;
using Directives.Data.Resources;
using Directives.Domain.Committees;
using Directives.Domain.Time;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Committees;

/// <summary>
/// One committee loaded for a call, with what presenting it needs: the province's agencies, the change
/// log spans of its compositions and members, and today's date. Tracked for writes, so that a save
/// updates the row under its etag (a concurrent writer's save fails instead of overwriting).
/// </summary>
internal sealed class CommitteeWorkspace
{
    private readonly ResourceEntry? _entry;
    private readonly ResourceStamp? _stamp;

    private CommitteeWorkspace(ProvinceDbContext db, string name, SteeringCommittee committee, ResourceEntry? entry, ResourceStamp? stamp, CommitteePresenter presenter)
    {
        Db = db;
        Name = name;
        Committee = committee;
        _entry = entry;
        _stamp = stamp;
        Presenter = presenter;
    }

    public ProvinceDbContext Db { get; }

    /// <summary>The committee's resource name.</summary>
    public string Name { get; }

    public SteeringCommittee Committee { get; }

    public CommitteePresenter Presenter { get; }

    /// <summary>The tracked committee's storage fields; only for a workspace loaded for writing.</summary>
    public ResourceEntry Entry => _entry ?? throw new InvalidOperationException("The committee was loaded read-only.");

    public ResourceStamp Stamp => _entry?.Stamp ?? _stamp!;

    /// <summary>Loads the committee <paramref name="name"/> names; NOT_FOUND when there is none.</summary>
    public static async Task<CommitteeWorkspace> LoadAsync(
        ProvinceDbContext db, CommitteeName name, DateTimeOffset now, bool forWriting, CancellationToken cancellationToken)
    {
        var text = name.ToString();
        SteeringCommittee committee;
        ResourceEntry? entry = null;
        ResourceStamp? stamp = null;
        if (forWriting)
        {
            committee = await db.Committees.WithResourceId(name.Committee).FirstOrDefaultAsync(cancellationToken)
                ?? throw ApiErrors.NotFound(text);
            entry = db.Resource(committee);
        }
        else
        {
            var stamped = await db.Committees.WithResourceId(name.Committee).Stamped().FirstOrDefaultAsync(cancellationToken)
                ?? throw ApiErrors.NotFound(text);
            committee = stamped.Resource;
            stamp = stamped.Stamp;
        }

        var presenter = await PresenterForAsync(db, [(committee, name.Committee)], now, cancellationToken);
        return new CommitteeWorkspace(db, text, committee, entry, stamp, presenter);
    }

    /// <summary>A presenter for <paramref name="committees"/>, with the change log spans of all their parts.</summary>
    public static async Task<CommitteePresenter> PresenterForAsync(
        ProvinceDbContext db, IReadOnlyList<(SteeringCommittee Committee, string ResourceId)> committees, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        var naming = new CommitteePresenter(db.ProvinceId, agencies, new Dictionary<string, Data.Changes.ChangeSpan>(), VietnamTime.DateOf(now));
        var names = committees
            .SelectMany(c => c.Committee.Compositions.SelectMany(composition => composition.Members
                .Select(m => naming.NameOf(c.ResourceId, m))
                .Prepend(naming.NameOf(c.ResourceId, composition))))
            .ToList();
        var spans = await db.ChangeLog.SpansAsync(names, cancellationToken);
        return new CommitteePresenter(db.ProvinceId, agencies, spans, naming.Today);
    }

    /// <summary>The member <paramref name="name"/> names; NOT_FOUND when the committee has none such.</summary>
    public (CommitteeComposition Composition, CommitteeMember Member) FindMember(MemberName name)
    {
        if (ResourceIds.TryGetGuid(name.Member, out var id))
        {
            foreach (var composition in Committee.Compositions)
            {
                if (composition.Members.FirstOrDefault(m => m.Id == id) is { } member)
                {
                    return (composition, member);
                }
            }
        }

        throw ApiErrors.NotFound(name.ToString());
    }
}
