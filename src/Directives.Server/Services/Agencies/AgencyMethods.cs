using Directives.Contracts.V1;

namespace Directives.Server.Services.Agencies;

/// <summary>The full method names of AgencyService, as the change log and idempotency records store them.</summary>
internal static class AgencyMethods
{
    private static readonly string Prefix = "/" + AgencyService.Descriptor.FullName + "/";

    public static readonly string CreateAgency = Prefix + nameof(CreateAgency);
    public static readonly string UpdateAgency = Prefix + nameof(UpdateAgency);
    public static readonly string DeleteAgency = Prefix + nameof(DeleteAgency);
    public static readonly string UndeleteAgency = Prefix + nameof(UndeleteAgency);
    public static readonly string RenameAgency = Prefix + nameof(RenameAgency);
    public static readonly string MergeAgencies = Prefix + nameof(MergeAgencies);
}
