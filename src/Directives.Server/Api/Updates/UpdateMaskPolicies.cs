using Directives.Contracts.V1;
using ContractTask = Directives.Contracts.V1.Task;

namespace Directives.Server.Api;

/// <summary>The fields each Update method changes, as its request's comment lists them.</summary>
internal static class UpdateMaskPolicies
{
    /// <summary>Any non-OUTPUT_ONLY field of Directive.</summary>
    public static UpdateMaskPolicy<Directive> UpdateDirective { get; } = new(
        "directive",
        "document_type",
        "number_and_symbol",
        "issuing_body",
        "issuing_body_kind",
        "place",
        "issue_date",
        "subject",
        "signer",
        "legal_bases",
        "recipients",
        "monitoring_agency",
        "reporting_schedule",
        "confidentiality",
        "body");

    public static UpdateMaskPolicy<ContractTask> UpdateTask { get; } = new(
        "task", "number", "title", "content", "lead_agency", "cooperating_agencies", "original_deadline", "targets");

    /// <summary>Only <c>kind</c>: the display name changes through RenameAgency, which keeps the history of names.</summary>
    public static UpdateMaskPolicy<Agency> UpdateAgency { get; } = new("agency", "kind");

    public static UpdateMaskPolicy<SteeringCommittee> UpdateCommittee { get; } = new(
        "committee", "display_name", "area_name", "standing_agency");
}
