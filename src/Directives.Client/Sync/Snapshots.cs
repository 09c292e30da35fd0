using Directives.Contracts.V1;
using Google.Protobuf;

namespace Directives.Client.Sync;

/// <summary>The resource carried by a change event's <c>snapshot</c> oneof.</summary>
internal static class Snapshots
{
    public static IMessage? Of(ChangeEvent change) => change.SnapshotCase switch
    {
        ChangeEvent.SnapshotOneofCase.Directive => change.Directive,
        ChangeEvent.SnapshotOneofCase.Task => change.Task,
        ChangeEvent.SnapshotOneofCase.Report => change.Report,
        ChangeEvent.SnapshotOneofCase.Agency => change.Agency,
        ChangeEvent.SnapshotOneofCase.Committee => change.Committee,
        ChangeEvent.SnapshotOneofCase.Composition => change.Composition,
        ChangeEvent.SnapshotOneofCase.CommitteeMember => change.CommitteeMember,
        _ => null,
    };
}
