using Directives.Server.Api;

namespace Directives.Server.Services.Changes;

/// <summary>The resource types the change feed carries, as ListChanges' <c>resource_types</c> names them.</summary>
internal static class ChangeResourceTypes
{
    public static readonly string Directive = DirectiveName.Pattern.Type;
    public static readonly string Task = TaskName.Pattern.Type;
    public static readonly string Report = ReportName.Pattern.Type;
    public static readonly string Agency = AgencyName.Pattern.Type;
    public static readonly string Committee = CommitteeName.Pattern.Type;
    public static readonly string Composition = CompositionName.Pattern.Type;
    public static readonly string Member = MemberName.Pattern.Type;

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Directive, Task, Report, Agency, Committee, Composition, Member,
    };
}
