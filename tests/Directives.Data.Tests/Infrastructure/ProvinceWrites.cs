using Directives.Data.Changes;
using Directives.Domain.Agencies;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>Writes as the Server makes them: the resource, its change entry, one save.</summary>
public static class ProvinceWrites
{
    public static async Task<Agency> AddAgencyAsync(this TestProvince province, string resourceId, string name = "Công an tỉnh")
    {
        await using var db = await province.OpenAsync();
        var agency = Samples.Agency(name);
        var stamp = db.AddResource(agency, resourceId, Samples.Now);
        db.ChangeLog.Record(Samples.Change($"provinces/{province.ProvinceId}/agencies/{resourceId}", ChangeKind.Created, stamp.Etag));
        await db.SaveChangesAsync();
        return agency;
    }

    public static async Task<Directive> AddDirectiveAsync(this TestProvince province, string resourceId, string? number = "38-CT/TU", DateOnly? issuedOn = null, string? subject = null)
    {
        await using var db = await province.OpenAsync();
        var directive = subject is null ? Samples.Directive(number, issuedOn) : Samples.Directive(number, issuedOn, subject);
        var stamp = db.AddResource(directive, resourceId, Samples.Now);
        db.ChangeLog.Record(Samples.Change(DirectiveName(province, resourceId), ChangeKind.Created, stamp.Etag));
        await db.SaveChangesAsync();
        return directive;
    }

    public static async Task<DirectiveTask> AddTaskAsync(
        this TestProvince province, Directive directive, string directiveResourceId, string resourceId, string number, Guid lead, IReadOnlyList<Guid>? cooperating = null, Deadline? deadline = null, string? title = null, DateTimeOffset? now = null)
    {
        await using var db = await province.OpenAsync();
        var task = title is null
            ? Samples.Task(directive.Id, number, lead, cooperating, deadline)
            : Samples.Task(directive.Id, number, lead, cooperating, deadline, title);
        var stamp = db.AddTask(task, directiveResourceId, resourceId, now ?? Samples.Now);
        db.ChangeLog.Record(Samples.Change(DirectiveName(province, directiveResourceId) + "/tasks/" + resourceId, ChangeKind.Created, stamp.Etag));
        await db.SaveChangesAsync();
        return task;
    }

    public static string DirectiveName(TestProvince province, string resourceId) => $"provinces/{province.ProvinceId}/directives/{resourceId}";
}
