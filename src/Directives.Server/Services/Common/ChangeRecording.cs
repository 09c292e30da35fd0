using Directives.Data;
using Directives.Data.Changes;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Google.Protobuf;

namespace Directives.Server.Services.Common;

/// <summary>
/// Queues the change log entry of a mutation on the unit of work that writes it, so that the change and
/// its audit record commit together: the resource before and after as serialized contract messages,
/// the caller from the resolved tenant, the method and the request's request_id.
/// </summary>
internal static class ChangeRecording
{
    public static void RecordChange(
        this ProvinceDbContext db,
        ITenantContext tenant,
        string method,
        ChangeKind kind,
        string resourceName,
        string resourceType,
        IMessage? before,
        IMessage after,
        string etag,
        string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        db.ChangeLog.Record(new ChangeEntry
        {
            ResourceName = resourceName,
            ResourceType = resourceType,
            Kind = kind,
            Method = method,
            Actor = ActorMapping.ToChangeActor(tenant.Caller),
            RequestId = string.IsNullOrEmpty(requestId) ? null : requestId,
            Etag = etag,
            Before = before?.ToByteArray(),
            After = after.ToByteArray(),
        });
    }
}
