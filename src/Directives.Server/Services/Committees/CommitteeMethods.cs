using Directives.Contracts.V1;

namespace Directives.Server.Services.Committees;

/// <summary>The full method names of CommitteeService, as the change log and idempotency records store them.</summary>
internal static class CommitteeMethods
{
    private static readonly string Prefix = "/" + CommitteeService.Descriptor.FullName + "/";

    public static readonly string CreateCommittee = Prefix + nameof(CreateCommittee);
    public static readonly string UpdateCommittee = Prefix + nameof(UpdateCommittee);
    public static readonly string ReconstituteCommittee = Prefix + nameof(ReconstituteCommittee);
    public static readonly string AppointCommitteeMember = Prefix + nameof(AppointCommitteeMember);
    public static readonly string EndCommitteeMembership = Prefix + nameof(EndCommitteeMembership);
}
