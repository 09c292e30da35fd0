using Directives.Data.Resources;
using Directives.Domain.Agencies;
using Directives.Server.Services.Tasks;
using Google.Protobuf.WellKnownTypes;
using AgencyResource = Directives.Contracts.V1.Agency;
using ContractAgencyName = Directives.Contracts.V1.AgencyName;

namespace Directives.Server.Services.Agencies;

/// <summary>The contract's Agency and the domain's: the kind, the name history and the merger by name instead of id.</summary>
internal static class AgencyMapping
{
    public const string ResourceType = "directives.gov.vn/Agency";

    public static string NameOf(string provinceId, string resourceId) => Api.AgencyName.Pattern.Format(provinceId, resourceId);

    /// <param name="agency">The stored agency.</param>
    /// <param name="stamp">Its storage-only fields.</param>
    /// <param name="provinceId">The province it belongs to.</param>
    /// <param name="mergedIntoName">The resource name of the agency it was merged into; empty when it was not.</param>
    public static AgencyResource ToResource(Agency agency, ResourceStamp stamp, string provinceId, string mergedIntoName)
    {
        var resource = new AgencyResource
        {
            Name = NameOf(provinceId, stamp.ResourceId),
            DisplayName = agency.Name,
            Kind = (AgencyResource.Types.Kind)(int)agency.Kind,
            StartDate = agency.Names[0].StartDate is { } start ? DateMapping.ToContract(start) : null,
            State = agency.IsActive ? AgencyResource.Types.State.Active : AgencyResource.Types.State.Merged,
            MergedInto = mergedIntoName,
            MergeDate = agency.MergedOn is { } merged ? DateMapping.ToContract(merged) : null,
            Etag = stamp.Etag,
            RevisionId = stamp.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(stamp.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(stamp.UpdateTime),
            DeleteTime = stamp.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted) : null,
            PurgeTime = stamp.PurgeTime is { } purge ? Timestamp.FromDateTimeOffset(purge) : null,
        };
        resource.NameHistory.AddRange(agency.Names.Select(name => new ContractAgencyName
        {
            DisplayName = name.Name,
            StartDate = name.StartDate is { } from ? DateMapping.ToContract(from) : null,
            EndDate = name.EndDate is { } to ? DateMapping.ToContract(to) : null,
        }));
        return resource;
    }

    /// <summary>The domain's kind; a violation on <c>kind</c> for UNSPECIFIED or an unknown value.</summary>
    public static AgencyKind? ToKind(AgencyResource.Types.Kind kind, RequestViolations violations)
    {
        if (kind == AgencyResource.Types.Kind.Unspecified || !System.Enum.IsDefined(kind))
        {
            violations.Add(AgencyFields.Kind, kind == AgencyResource.Types.Kind.Unspecified ? "is required" : $"{(int)kind} is not a value of Agency.Kind");
            return null;
        }

        return (AgencyKind)(int)kind;
    }
}
