namespace Directives.Data.Configuration;

/// <summary>
/// One agency on one task, as lead or cooperating: the index that answers "the tasks of agency X" (the
/// <c>agency</c>, <c>lead_agency</c> and <c>cooperating_agencies</c> filters) without scanning every task.
/// Written only by <see cref="ProvinceDbContext"/> from the task's own lists on every save.
/// </summary>
internal sealed class TaskAgency
{
    public Guid TaskId { get; init; }

    public Guid AgencyId { get; init; }

    public bool IsLead { get; set; }
}
