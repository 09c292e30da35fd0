using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>
/// Row-level rules for tasks and reports. A caller with any role that reads the whole province
/// (viewer, secretariat, province-admin, ministry) sees every task; an officer holding none of those
/// sees only tasks their agency leads or cooperates on. TaskService applies <see cref="RestrictedToAgency"/>
/// in its queries and the predicates to single tasks.
/// </summary>
internal sealed class TaskAccess
{
    private const CallerRoles WholeProvinceReaders = CallerRoles.Viewer | CallerRoles.Secretariat | CallerRoles.ProvinceAdmin | CallerRoles.Ministry;

    // A restricted caller without an agency (which token validation already refuses) sees nothing: a name no agency has.
    private const string NoAgency = "\0none";

    private readonly CallerIdentity _caller;

    private TaskAccess(CallerIdentity caller, string? restrictedToAgency)
    {
        _caller = caller;
        RestrictedToAgency = restrictedToAgency;
    }

    /// <summary>The agency (resource name) whose tasks alone the caller sees; null when the caller sees every task.</summary>
    public string? RestrictedToAgency { get; }

    public static TaskAccess For(CallerIdentity caller) =>
        new(caller, caller.HasAnyRole(WholeProvinceReaders) ? null : caller.Agency ?? NoAgency);

    /// <summary>Whether the caller may see a task led by <paramref name="leadAgency"/> with <paramref name="cooperatingAgencies"/>.</summary>
    public bool CanSee(string leadAgency, IEnumerable<string> cooperatingAgencies) =>
        RestrictedToAgency is not { } agency || agency == leadAgency || cooperatingAgencies.Contains(agency, StringComparer.Ordinal);

    /// <summary>Whether the caller may file a progress report for <paramref name="reportingAgency"/> on a task it can see.</summary>
    public bool CanReportFor(string reportingAgency) =>
        _caller.HasAnyRole(CallerRoles.Secretariat) || (_caller.HasAnyRole(CallerRoles.Officer) && _caller.Agency == reportingAgency);

    /// <summary>Whether the caller may complete a task led by <paramref name="leadAgency"/>.</summary>
    public bool CanComplete(string leadAgency) =>
        _caller.HasAnyRole(CallerRoles.Secretariat) || (_caller.HasAnyRole(CallerRoles.Officer) && _caller.Agency == leadAgency);
}
