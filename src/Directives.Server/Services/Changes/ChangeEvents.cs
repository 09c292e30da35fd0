using Directives.Contracts.V1;
using Directives.Data.Changes;
using Google.Protobuf.WellKnownTypes;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Changes;

/// <summary>A change log entry as the feed delivers it: its position, what changed, and optionally the resource after the change.</summary>
internal static class ChangeEvents
{
    public static ChangeEvent ToEvent(string provinceId, ChangeRecord change, bool includeSnapshot, DateTimeOffset now)
    {
        var resource = new ChangeEvent
        {
            ChangeToken = ChangeToken.After(provinceId, change).ToString(),
            Resource = change.ResourceName,
            ResourceType = change.ResourceType,
            Kind = (ChangeEvent.Types.Kind)(int)change.Kind,
            CommitTime = Timestamp.FromDateTimeOffset(change.CommitTime),
            Etag = change.Etag ?? "",
        };
        if (includeSnapshot && change.After is { } after)
        {
            SetSnapshot(resource, change.ResourceType, after, now);
        }

        return resource;
    }

    // A snapshot the server did not record (the demo seeding's committees) is left unset: the client Gets the resource.
    private static void SetSnapshot(ChangeEvent resource, string type, byte[] after, DateTimeOffset now)
    {
        if (type == ChangeResourceTypes.Directive)
        {
            resource.Directive = Directive.Parser.ParseFrom(after);
        }
        else if (type == ChangeResourceTypes.Task)
        {
            var task = TaskResource.Parser.ParseFrom(after);
            TaskSnapshotTimeliness.Refresh(task, now);
            resource.Task = task;
        }
        else if (type == ChangeResourceTypes.Report)
        {
            resource.Report = ProgressReport.Parser.ParseFrom(after);
        }
        else if (type == ChangeResourceTypes.Agency)
        {
            resource.Agency = Agency.Parser.ParseFrom(after);
        }
        else if (type == ChangeResourceTypes.Committee)
        {
            resource.Committee = SteeringCommittee.Parser.ParseFrom(after);
        }
        else if (type == ChangeResourceTypes.Composition)
        {
            resource.Composition = CommitteeComposition.Parser.ParseFrom(after);
        }
        else if (type == ChangeResourceTypes.Member)
        {
            resource.CommitteeMember = CommitteeMember.Parser.ParseFrom(after);
        }
    }
}
