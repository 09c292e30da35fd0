using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Google.Protobuf.WellKnownTypes;
using DirectiveResource = Directives.Contracts.V1.Directive;
using DocumentReference = Directives.Contracts.V1.DocumentReference;
using Frequency = Directives.Contracts.V1.ReportingSchedule.Types.Frequency;

namespace Directives.Server.Services.Directives;

/// <summary>The contract's Directive and the domain's: names instead of ids, the contract's enums, dates and the signature block.</summary>
internal static class DirectiveMapping
{
    public const string ResourceType = "directives.gov.vn/Directive";

    private static readonly (Frequency Frequency, ReportingSchedule Flag)[] Frequencies =
    [
        (Frequency.Monthly, ReportingSchedule.Monthly),
        (Frequency.Quarterly, ReportingSchedule.Quarterly),
        (Frequency.SixMonthly, ReportingSchedule.SixMonthly),
        (Frequency.Annual, ReportingSchedule.Annual),
    ];

    public static string NameOf(string provinceId, string resourceId) => DirectiveName.Pattern.Format(provinceId, resourceId);

    public static DirectiveResource ToResource(Directive directive, ResourceStamp stamp, string provinceId, DirectiveRelations relations)
    {
        var resource = new DirectiveResource
        {
            Name = NameOf(provinceId, stamp.ResourceId),
            DocumentType = (Contracts.V1.DocumentType)(int)directive.DocumentType,
            NumberAndSymbol = directive.NumberAndSymbol?.Text ?? "",
            IssuingBody = directive.IssuingBody,
            IssuingBodyKind = (Contracts.V1.IssuingBodyKind)(relations.IssuingBodyKindOf(directive.Id) ?? 0),
            Place = directive.Place ?? "",
            IssueDate = directive.IssuedOn is { } issued ? DateMapping.ToContract(issued) : null,
            Subject = directive.Subject,
            Signer = directive.Signer is { } signer
                ? new Contracts.V1.Signer { FullName = signer.FullName, Title = signer.Title, OnBehalfOf = signer.OnBehalfOf ?? "" }
                : null,
            MonitoringAgency = directive.MonitoringAgencyId is { } agency ? relations.Agencies.NameOf(agency) : "",
            Confidentiality = (DirectiveResource.Types.Confidentiality)(int)directive.Confidentiality,
            State = (DirectiveResource.Types.State)(int)directive.State,
            Supersedes = relations.DirectiveNameOf(directive.SupersedesId),
            SupersededBy = relations.DirectiveNameOf(directive.SupersededById),
            Body = directive.Body,
            Etag = stamp.Etag,
            RevisionId = stamp.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(stamp.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(stamp.UpdateTime),
            DeleteTime = stamp.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted) : null,
            PurgeTime = stamp.PurgeTime is { } purge ? Timestamp.FromDateTimeOffset(purge) : null,
        };
        resource.LegalBases.AddRange(directive.LegalBases.Select(basis => new DocumentReference
        {
            NumberAndSymbol = basis.NumberAndSymbol,
            IssueDate = basis.IssueDate is { } date ? DateMapping.ToContract(date) : null,
            Description = basis.Description ?? "",
        }));
        resource.Recipients.AddRange(directive.Recipients);
        if (directive.ReportingSchedule != ReportingSchedule.None)
        {
            var schedule = new Contracts.V1.ReportingSchedule();
            schedule.Frequencies.AddRange(Frequencies.Where(f => directive.ReportingSchedule.HasFlag(f.Flag)).Select(f => f.Frequency));
            resource.ReportingSchedule = schedule;
        }

        return resource;
    }

    /// <summary>
    /// The domain's input from the contract's resource. Problems only the edge can see (malformed dates,
    /// unknown or merged agencies, unknown enum values) go to <paramref name="violations"/>, under
    /// paths relative to the resource; the domain checks the rest.
    /// </summary>
    /// <param name="currentMonitoringAgency">The agency the directive already names, which may have been merged since.</param>
    public static DirectiveDetails ToDetails(DirectiveResource resource, AgencyDirectory agencies, RequestViolations violations, Guid? currentMonitoringAgency = null)
    {
        var legalBases = new List<LegalBasis>(resource.LegalBases.Count);
        for (var i = 0; i < resource.LegalBases.Count; i++)
        {
            var basis = resource.LegalBases[i];
            var date = basis.IssueDate is { } issued ? DateMapping.FromContract(issued, $"{DirectiveFields.LegalBases}[{i}].issue_date", violations) : null;
            legalBases.Add(new LegalBasis(basis.NumberAndSymbol, date, string.IsNullOrEmpty(basis.Description) ? null : basis.Description));
        }

        return new DirectiveDetails
        {
            DocumentType = (DocumentType)(int)resource.DocumentType,
            NumberAndSymbol = string.IsNullOrWhiteSpace(resource.NumberAndSymbol) ? null : resource.NumberAndSymbol,
            IssuingBody = resource.IssuingBody,
            Place = string.IsNullOrEmpty(resource.Place) ? null : resource.Place,
            IssuedOn = resource.IssueDate is { } issueDate ? DateMapping.FromContract(issueDate, DirectiveFields.IssueDate, violations) : null,
            Subject = resource.Subject,
            Signer = resource.Signer is { } signer
                ? new Signer(signer.FullName, signer.Title, string.IsNullOrEmpty(signer.OnBehalfOf) ? null : signer.OnBehalfOf)
                : null,
            LegalBases = legalBases,
            Recipients = [.. resource.Recipients],
            MonitoringAgencyId = string.IsNullOrEmpty(resource.MonitoringAgency)
                ? null
                : agencies.Resolve(
                    resource.MonitoringAgency,
                    DirectiveFields.MonitoringAgency,
                    violations,
                    currentMonitoringAgency is { } current ? new HashSet<Guid> { current } : null),
            ReportingSchedule = ToSchedule(resource.ReportingSchedule, violations),
            Confidentiality = resource.Confidentiality == DirectiveResource.Types.Confidentiality.Unspecified
                ? Confidentiality.Normal
                : (Confidentiality)(int)resource.Confidentiality,
            Body = resource.Body,
        };
    }

    /// <summary>The issuing body kind to store: null when unset, a violation when not a value of the contract.</summary>
    public static int? ToIssuingBodyKind(Contracts.V1.IssuingBodyKind kind, RequestViolations violations)
    {
        if (kind == Contracts.V1.IssuingBodyKind.Unspecified)
        {
            return null;
        }

        if (!System.Enum.IsDefined(kind))
        {
            violations.Add("issuing_body_kind", $"{(int)kind} is not a value of IssuingBodyKind");
            return null;
        }

        return (int)kind;
    }

    private static ReportingSchedule ToSchedule(Contracts.V1.ReportingSchedule? schedule, RequestViolations violations)
    {
        var flags = ReportingSchedule.None;
        for (var i = 0; i < (schedule?.Frequencies.Count ?? 0); i++)
        {
            var field = $"{DirectiveFields.ReportingSchedule}.frequencies[{i}]";
            var frequency = schedule!.Frequencies[i];
            var flag = Frequencies.FirstOrDefault(f => f.Frequency == frequency).Flag;
            if (flag == ReportingSchedule.None)
            {
                violations.Add(field, $"{frequency} is not a reporting frequency; use MONTHLY, QUARTERLY, SIX_MONTHLY or ANNUAL");
            }
            else if (flags.HasFlag(flag))
            {
                violations.Add(field, $"{frequency} is listed twice");
            }

            flags |= flag;
        }

        return flags;
    }
}
