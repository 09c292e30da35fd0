using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Directives.Server.DemoData;
using Directives.Server.Services.Agencies;
using Directives.Server.Services.Directives;
using Directives.Server.Services.Tasks;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Hosting;

/// <summary>
/// Writes a province's demo data (<see cref="DemoDataSet"/>) into its database when that database is
/// still empty, through the Data layer like any mutation: every resource with its change log entry
/// (actor <c>system/demo-seed</c>, the resource as created), all in one transaction, so a failed or
/// concurrent seeding leaves nothing half-written. Resources are saved in the order their snapshots
/// need the earlier ones readable: agencies, directives, then tasks level by level (a sub-task shows
/// its parent's name), then committees.
/// </summary>
internal sealed partial class DemoDataSeeder(IProvinceDbContextFactory databases, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    /// <summary>The subject, and the method, of the change log entries of seeded resources.</summary>
    public const string Subject = "system/demo-seed";

    private const string CommitteeResourceType = "directives.gov.vn/SteeringCommittee";
    private const string TaskResourceType = "directives.gov.vn/Task";

    private static readonly ChangeActor Actor = new(Subject, "Dữ liệu mẫu", null, []);

    /// <summary>Seeds the province unless its database already holds anything; returns whether it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(string provinceId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(provinceId, cancellationToken);
        if (await db.ChangeLog.HeadAsync(cancellationToken) > 0 || await db.Agencies.AnyAsync(cancellationToken))
        {
            return false;
        }

        var data = DemoDataSet.For(provinceId, time);
        if (data.MissingSeedDocuments.Count > 0)
        {
            LogMissingSeeds(logger, provinceId, string.Join(", ", data.MissingSeedDocuments));
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await SeedAgenciesAsync(db, data, now, cancellationToken);
            await SeedDirectivesAsync(db, data, now, cancellationToken);
            await SeedTasksAsync(db, data, now, cancellationToken);
            await SeedCommitteesAsync(db, data, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another replica seeded the province first; its data stands.
            return false;
        }

        LogSeeded(logger, provinceId, data.Agencies.Count, data.Directives.Count, data.Tasks.Count, data.Committees.Count);
        return true;
    }

    private static async Task SeedAgenciesAsync(ProvinceDbContext db, DemoDataSet data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var agency in data.Agencies)
        {
            var stamp = db.AddResource(agency.Value, agency.Id, now);
            var mergedInto = agency.Value.MergedIntoId is { } target ? data.ResourceNames[target] : "";
            Record(db, agency.Name, AgencyMapping.ResourceType, stamp, AgencyMapping.ToResource(agency.Value, stamp, data.ProvinceId, mergedInto));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedDirectivesAsync(ProvinceDbContext db, DemoDataSet data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamps = data.Directives.Select(d => db.AddResource(d.Value, d.Id, now)).ToList();
        var relations = await DirectiveRelations.LoadAsync(db, [], cancellationToken);
        foreach (var directive in data.Directives)
        {
            relations.Remember(directive.Value.Id, directive.Id, issuingBodyKind: null);
        }

        for (var i = 0; i < data.Directives.Count; i++)
        {
            var directive = data.Directives[i];
            Record(db, directive.Name, DirectiveMapping.ResourceType, stamps[i], DirectiveMapping.ToResource(directive.Value, stamps[i], data.ProvinceId, relations));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedTasksAsync(ProvinceDbContext db, DemoDataSet data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        foreach (var level in data.Tasks.GroupBy(t => t.Value.Number.Depth).OrderBy(g => g.Key))
        {
            var added = new List<(DemoResource<DirectiveTask> Task, ResourceStamp Stamp)>();
            foreach (var task in level)
            {
                var directive = TaskName.TryParse(task.Name, out var name)
                    ? name.Directive
                    : throw new InvalidOperationException($"The demo task {task.Name} has no task name.");
                added.Add((task, db.AddTask(task.Value, directive, task.Id, now)));
            }

            var relations = await TaskRelations.LoadAsync(db, [.. added.Select(a => (a.Task.Value, a.Stamp))], cancellationToken);
            var presenter = new TaskPresenter(data.ProvinceId, agencies, relations);
            foreach (var (task, stamp) in added)
            {
                Record(db, task.Name, TaskResourceType, stamp, presenter.ToResource(task.Value, stamp, clock: null));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    // Committees are recorded without a snapshot until the committee service's mapping can present them:
    // the change feed then carries the event without one and clients Get the committee (changes.proto).
    private static async Task SeedCommitteesAsync(ProvinceDbContext db, DemoDataSet data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var committee in data.Committees)
        {
            var stamp = db.AddResource(committee.Value, committee.Id, now);
            Record(db, committee.Name, CommitteeResourceType, stamp, after: null);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Record(ProvinceDbContext db, string resourceName, string resourceType, ResourceStamp stamp, IMessage? after)
        => db.ChangeLog.Record(new ChangeEntry
        {
            ResourceName = resourceName,
            ResourceType = resourceType,
            Kind = ChangeKind.Created,
            Method = Subject,
            Actor = Actor,
            Etag = stamp.Etag,
            After = after?.ToByteArray(),
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo data of {ProvinceId}: {Agencies} agencies, {Directives} directives, {Tasks} tasks, {Committees} committees.")]
    private static partial void LogSeeded(ILogger logger, string provinceId, int agencies, int directives, int tasks, int committees);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo data of {ProvinceId} lacks the seed documents {Files}: those directives have no body or task texts.")]
    private static partial void LogMissingSeeds(ILogger logger, string provinceId, string files);
}
