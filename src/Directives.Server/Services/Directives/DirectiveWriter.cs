using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainDirective = Directives.Domain.Directives.Directive;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Directives;

/// <summary>
/// The mutations of existing directives: Update, Delete, Undelete and the state changes. Each loads the
/// directive tracked, checks the request and the etag, changes it through the domain, records the
/// change with the directive before and after, and saves once; the Data layer's etag check on save
/// turns a concurrent writer into ABORTED.
/// </summary>
internal sealed class DirectiveWriter(ITenantContext tenant, IProvinceDbContextFactory databases, TimeProvider time)
{
    private const string TaskResourceType = "directives.gov.vn/Task";

    /// <summary>ALREADY_EXISTS (DUPLICATE_NUMBER) when another undeleted directive has the number in the same year.</summary>
    public async Task EnsureNumberIsFreeAsync(ProvinceDbContext db, DomainDirective directive, CancellationToken cancellationToken)
    {
        if (directive.NumberAndSymbol is not { } number || directive.Year is not { } year)
        {
            return;
        }

        var id = directive.Id;
        var other = await db.Directives.NotDeleted()
            .Where(DirectiveFilters.NumberIs(number))
            .Where(DirectiveFilters.IssuedInYear(year))
            .Where(d => d.Id != id)
            .Select(d => EF.Property<string>(d, ResourceProperties.ResourceId))
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw ApiErrors.DuplicateNumber(DirectiveMapping.NameOf(db.ProvinceId, other));
        }
    }

    public static void SetIssuingBodyKind(ProvinceDbContext db, DomainDirective directive, int? kind)
        => db.Entry(directive).Property(DirectiveColumns.IssuingBodyKind).CurrentValue = kind;

    public async Task<Directive> UpdateAsync(UpdateDirectiveRequest request, CancellationToken cancellationToken)
    {
        if (request.Directive is null)
        {
            throw ApiErrors.InvalidField("directive", "is required");
        }

        var name = DirectiveName.Parse(request.Directive.Name, "directive.name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var directive = await db.Directives.WithResourceId(name.Directive).FirstOrDefaultAsync(cancellationToken);
        if (directive is null)
        {
            throw request.AllowMissing
                ? ApiErrors.InvalidField("allow_missing", "creating a directive by Update is not supported; use CreateDirective")
                : ApiErrors.NotFound(request.Directive.Name);
        }

        var entry = db.Resource(directive);
        var current = await ReadCurrentAsync(db, directive, entry, request.Directive.Name, request.Directive.Etag, cancellationToken);
        var mask = UpdateMaskPolicies.UpdateDirective.Resolve(request.UpdateMask, request.Directive, current.Before);
        var merged = current.Before.Clone();
        mask.ApplyTo(request.Directive, merged);

        var edge = new RequestViolations();
        var details = DirectiveMapping.ToDetails(merged, current.Relations.Agencies, edge.Nested("directive"), directive.MonitoringAgencyId);
        var kind = DirectiveMapping.ToIssuingBodyKind(merged.IssuingBodyKind, edge.Nested("directive"));
        InputViolations.Check(edge, () =>
        {
            directive.Update(details);
            return true;
        });
        await EnsureNumberIsFreeAsync(db, directive, cancellationToken);
        SetIssuingBodyKind(db, directive, kind);
        current.Relations.Remember(directive.Id, name.Directive, kind);
        return await SaveAsync(db, directive, entry, current, DirectiveMethods.UpdateDirective, ChangeKind.Updated, request.ValidateOnly, cancellationToken);
    }

    public async Task<Directive> DeleteAsync(DeleteDirectiveRequest request, CancellationToken cancellationToken)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var (directive, entry, current) = await LoadAsync(db, name, request.Etag, cancellationToken);
        var tasks = await db.Tasks.NotDeleted().Where(db.TaskFilters.InDirective(name.Directive)).ToListAsync(cancellationToken);
        if (tasks.Count > 0 && !request.Force)
        {
            throw ApiErrors.HasDependents(
                request.Name,
                $"The directive has {tasks.Count} undeleted tasks; delete them first, or set force to delete them with it.");
        }

        var now = time.GetUtcNow();
        if (!request.ValidateOnly)
        {
            await CascadeAsync(db, tasks, now, restore: false, cancellationToken);
            entry.SoftDelete(now);
        }

        return await SaveAsync(db, directive, entry, current, DirectiveMethods.DeleteDirective, ChangeKind.Deleted, request.ValidateOnly, cancellationToken, touched: true);
    }

    public async Task<Directive> UndeleteAsync(UndeleteDirectiveRequest request, CancellationToken cancellationToken)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var directive = await db.Directives.WithResourceId(name.Directive).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiErrors.NotFound(request.Name);
        var entry = db.Resource(directive);
        if (!entry.IsDeleted)
        {
            throw ApiErrors.InvalidStateTransition(request.Name, "", "The directive is not deleted.");
        }

        var current = await ReadCurrentAsync(db, directive, entry, request.Name, request.Etag, cancellationToken, allowDeleted: true);
        await EnsureNumberIsFreeAsync(db, directive, cancellationToken);

        // The tasks deleted with the directive (by DeleteDirective with force) carry its delete time.
        var deletedAt = entry.Stamp.DeleteTime!.Value.UtcTicks;
        var tasks = await db.Tasks
            .Where(db.TaskFilters.InDirective(name.Directive))
            .Where(t => EF.Property<long?>(t, ResourceProperties.DeleteTime) == deletedAt)
            .ToListAsync(cancellationToken);
        if (!request.ValidateOnly)
        {
            var now = time.GetUtcNow();
            await CascadeAsync(db, tasks, now, restore: true, cancellationToken);
            entry.Undelete(now);
        }

        return await SaveAsync(db, directive, entry, current, DirectiveMethods.UndeleteDirective, ChangeKind.Updated, request.ValidateOnly, cancellationToken, touched: true);
    }

    public async Task<Directive> IssueAsync(IssueDirectiveRequest request, CancellationToken cancellationToken)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var (directive, entry, current) = await LoadAsync(db, name, request.Etag, cancellationToken);
        var edge = new RequestViolations();
        var issueDate = request.IssueDate is { } date ? DateMapping.FromContract(date, "issue_date", edge) : null;
        var number = string.IsNullOrWhiteSpace(request.NumberAndSymbol) ? null : request.NumberAndSymbol;
        InputViolations.Check(edge, () =>
        {
            directive.Issue(number, issueDate);
            return true;
        });
        await EnsureNumberIsFreeAsync(db, directive, cancellationToken);
        return await SaveAsync(db, directive, entry, current, DirectiveMethods.IssueDirective, ChangeKind.Updated, request.ValidateOnly, cancellationToken);
    }

    /// <summary>Supersedes <c>name</c> by <c>superseded_by</c>: both change, in one transaction, each with its own change entry.</summary>
    public async Task<Directive> SupersedeAsync(SupersedeDirectiveRequest request, CancellationToken cancellationToken)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        var successorName = DirectiveName.Parse(request.SupersededBy, "superseded_by");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var (directive, entry, current) = await LoadAsync(db, name, request.Etag, cancellationToken);
        var successor = successorName.Province == tenant.ProvinceId
            ? await db.Directives.NotDeleted().WithResourceId(successorName.Directive).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (successor is null)
        {
            throw ApiErrors.UnknownReference("superseded_by", request.SupersededBy);
        }

        var successorEntry = db.Resource(successor);
        var successorBefore = DirectiveMapping.ToResource(
            successor, successorEntry.Stamp, tenant.ProvinceId, await DirectiveRelations.LoadAsync(db, [successor], cancellationToken));
        directive.Supersede(successor);
        if (request.ValidateOnly)
        {
            return await PresentAsync(db, directive, entry.Stamp, cancellationToken);
        }

        var now = time.GetUtcNow();
        entry.Touch(now);
        successorEntry.Touch(now);
        var relations = await DirectiveRelations.LoadAsync(db, [directive, successor], cancellationToken);
        var after = DirectiveMapping.ToResource(directive, entry.Stamp, tenant.ProvinceId, relations);
        var successorAfter = DirectiveMapping.ToResource(successor, successorEntry.Stamp, tenant.ProvinceId, relations);
        db.RecordChange(tenant, DirectiveMethods.SupersedeDirective, ChangeKind.Updated, after.Name, DirectiveMapping.ResourceType, current.Before, after, entry.Etag);
        db.RecordChange(tenant, DirectiveMethods.SupersedeDirective, ChangeKind.Updated, successorAfter.Name, DirectiveMapping.ResourceType, successorBefore, successorAfter, successorEntry.Etag);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    /// <summary>Expire and Revoke: a state change without input.</summary>
    public async Task<Directive> ChangeStateAsync(
        string nameText, string etag, bool validateOnly, string method, Action<DomainDirective> change, CancellationToken cancellationToken)
    {
        var name = DirectiveName.Parse(nameText, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var (directive, entry, current) = await LoadAsync(db, name, etag, cancellationToken);
        change(directive);
        return await SaveAsync(db, directive, entry, current, method, ChangeKind.Updated, validateOnly, cancellationToken);
    }

    private async Task<(DomainDirective Directive, ResourceEntry Entry, CurrentDirective Current)> LoadAsync(
        ProvinceDbContext db, DirectiveName name, string etag, CancellationToken cancellationToken)
    {
        var text = name.ToString();
        var directive = await db.Directives.WithResourceId(name.Directive).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiErrors.NotFound(text);
        var entry = db.Resource(directive);
        var current = await ReadCurrentAsync(db, directive, entry, text, etag, cancellationToken);
        return (directive, entry, current);
    }

    private async Task<CurrentDirective> ReadCurrentAsync(
        ProvinceDbContext db, DomainDirective directive, ResourceEntry entry, string name, string etag, CancellationToken cancellationToken, bool allowDeleted = false)
    {
        if (entry.IsDeleted && !allowDeleted)
        {
            throw ApiErrors.ResourceDeleted(name);
        }

        ETags.EnsureCurrent(etag, entry.Etag, name);
        var relations = await DirectiveRelations.LoadAsync(db, [directive], cancellationToken);
        return new CurrentDirective(DirectiveMapping.ToResource(directive, entry.Stamp, tenant.ProvinceId, relations), relations);
    }

    private async Task<Directive> SaveAsync(
        ProvinceDbContext db, DomainDirective directive, ResourceEntry entry, CurrentDirective current, string method, ChangeKind kind, bool validateOnly, CancellationToken cancellationToken, bool touched = false)
    {
        if (validateOnly)
        {
            return DirectiveMapping.ToResource(directive, entry.Stamp, tenant.ProvinceId, current.Relations);
        }

        if (!touched)
        {
            entry.Touch(time.GetUtcNow());
        }

        var after = DirectiveMapping.ToResource(directive, entry.Stamp, tenant.ProvinceId, current.Relations);
        db.RecordChange(tenant, method, kind, after.Name, DirectiveMapping.ResourceType, current.Before, after, entry.Etag);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    private async Task<Directive> PresentAsync(ProvinceDbContext db, DomainDirective directive, ResourceStamp stamp, CancellationToken cancellationToken)
        => DirectiveMapping.ToResource(directive, stamp, tenant.ProvinceId, await DirectiveRelations.LoadAsync(db, [directive], cancellationToken));

    // The tasks deleted or restored with their directive, each recorded in its own history.
    private async Task CascadeAsync(ProvinceDbContext db, IReadOnlyList<Domain.Tasks.DirectiveTask> tasks, DateTimeOffset now, bool restore, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        var entries = tasks.Select(t => (Task: t, Entry: db.Resource(t))).ToList();
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        var relations = await TaskRelations.LoadAsync(db, [.. entries.Select(e => (e.Task, e.Entry.Stamp))], cancellationToken);
        var presenter = new TaskPresenter(tenant.ProvinceId, agencies, relations);
        foreach (var (task, entry) in entries)
        {
            var before = presenter.ToResource(task, entry.Stamp, clock: null);
            var stamp = restore ? entry.Undelete(now) : entry.SoftDelete(now);
            var after = presenter.ToResource(task, stamp, clock: null);
            db.RecordChange(
                tenant,
                restore ? DirectiveMethods.UndeleteDirective : DirectiveMethods.DeleteDirective,
                restore ? ChangeKind.Updated : ChangeKind.Deleted,
                after.Name,
                TaskResourceType,
                before,
                after,
                stamp.Etag);
        }
    }

    private sealed record CurrentDirective(Directive Before, DirectiveRelations Relations);
}
