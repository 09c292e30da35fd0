using Directives.Contracts.V1;
using static Directives.Server.Api.FilterField;
using ContractTask = Directives.Contracts.V1.Task;

namespace Directives.Server.Api;

/// <summary>The filterable fields of each List method, as the comments of the protos list them.</summary>
internal static class FilterSchemas
{
    public static FilterSchema ListDirectives { get; } = new(
        "ListDirectives",
        Enum<DocumentType>("document_type"),
        Enum<Directive.Types.State>("state"),
        Enum<Directive.Types.Confidentiality>("confidentiality"),
        String("number_and_symbol"),
        Date("issue_date"),
        Integer("issue_date.year"),
        Text("issuing_body"),
        Enum<IssuingBodyKind>("issuing_body_kind"),
        Text("subject"),
        Text("signer.full_name"),
        ResourceName("monitoring_agency", AgencyName.Pattern, acceptsEmpty: true),
        ResourceName("supersedes", DirectiveName.Pattern, acceptsEmpty: true),
        ResourceName("superseded_by", DirectiveName.Pattern, acceptsEmpty: true),
        Timestamp("create_time"),
        Timestamp("update_time"));

    public static FilterSchema ListTasks { get; } = new(
        "ListTasks",
        Enum<ContractTask.Types.State>("state"),
        Enum<ContractTask.Types.Timeliness>("timeliness"),
        ResourceName("lead_agency", AgencyName.Pattern),
        Repeated(ResourceName("cooperating_agencies", AgencyName.Pattern)),
        AnyOfFields("agency", "lead_agency", "cooperating_agencies"),
        Timestamp("deadline_time"),
        Bool("deadline.standing"),
        ResourceName("directive", DirectiveName.Pattern),
        Enum<DocumentType>("directive.document_type"),
        Enum<Directive.Types.State>("directive.state"),
        Integer("directive.issue_date.year"),
        Enum<IssuingBodyKind>("directive.issuing_body_kind"),
        ResourceName("parent_task", TaskName.Pattern, acceptsEmpty: true),
        String("number"),
        Text("title"),
        Timestamp("complete_time"),
        Timestamp("create_time"),
        Timestamp("update_time"));

    public static FilterSchema ListAgencies { get; } = new(
        "ListAgencies",
        Enum<Agency.Types.Kind>("kind"),
        Enum<Agency.Types.State>("state"),
        Text("display_name"),
        Repeated(Text("name_history.display_name")),
        ResourceName("merged_into", AgencyName.Pattern, acceptsEmpty: true));

    public static FilterSchema ListReports { get; } = new(
        "ListReports",
        ResourceName("agency", AgencyName.Pattern),
        Enum<ProgressReport.Types.Kind>("kind"),
        Enum<PeriodKind>("period.kind"),
        Integer("period.year"),
        Integer("period.index"),
        Integer("percent_complete"),
        String("submitter.subject"),
        Timestamp("submit_time"),
        Text("text"),
        Repeated(String("measurements.target_id")));

    public static FilterSchema ListCommittees { get; } = new(
        "ListCommittees",
        Enum<AdministrativeLevel>("level"),
        Text("display_name"),
        Text("area_name"),
        ResourceName("standing_agency", AgencyName.Pattern),
        Integer("vacancy_count"));

    public static FilterSchema ListCompositions { get; } = new(
        "ListCompositions",
        String("decision.number_and_symbol"),
        Date("decision.issue_date"),
        Date("effective_date"),
        Date("end_date"));

    public static FilterSchema ListVacancies { get; } = new(
        "ListVacancies",
        ResourceName("committee", CommitteeName.Pattern),
        Enum<CommitteeMember.Types.Position>("position"),
        Enum<Vacancy.Types.Reason>("reason"),
        Date("start_date"));

    public static FilterSchema ListMemberHistory { get; } = new(
        "ListMemberHistory",
        Enum<CommitteeMember.Types.Position>("position"),
        ResourceName("agency", AgencyName.Pattern),
        Text("person_name"),
        Text("title"),
        ResourceName("composition", CompositionName.Pattern),
        String("decision.number_and_symbol"),
        Date("start_date"),
        Date("end_date"));

    /// <summary>ListDirectiveHistory, ListTaskHistory and ListAgencyHistory filter on the same fields.</summary>
    public static FilterSchema ListHistory { get; } = new(
        "ListHistory",
        String("method"),
        String("actor.subject"),
        ResourceName("actor.agency", AgencyName.Pattern, acceptsEmpty: true),
        String("request_id"),
        Timestamp("commit_time"));

    public static FilterSchema ListProvinces { get; } = new(
        "ListProvinces",
        Enum<Province.Types.State>("state"),
        Text("display_name"),
        ResourceName("successor", ProvinceName.Pattern, acceptsEmpty: true),
        Repeated(ResourceName("predecessors", ProvinceName.Pattern)));
}
