using Google.Protobuf.Reflection;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// The names of one province's real resources, written through the API before the matrix runs, so a
/// call that wrongly got through would find something to return.
/// </summary>
internal sealed record ProvinceResources(string ProvinceId, string Directive, string Task, string Agency, string Report, string Committee)
{
    public string Province => $"provinces/{ProvinceId}";

    /// <summary>The value of a top-level <c>name</c> or <c>parent</c> (or agency) field of <paramref name="method"/>'s request.</summary>
    public string For(MethodDescriptor method, string field)
    {
        if (field.EndsWith("agency", StringComparison.Ordinal) || field.EndsWith("agencies", StringComparison.Ordinal))
        {
            return Agency;
        }

        var service = method.Service.Name;
        return (service, field) switch
        {
            ("DirectiveService", "name") => Directive,
            ("TaskService", "name") when method.Name == "GetReport" => Report,
            ("TaskService", "name") => Task,
            ("TaskService", "parent") when method.Name == "ListReports" => Task,
            ("TaskService", "parent") => Directive,
            ("AgencyService", "name") => Agency,
            ("CommitteeService", "name") when method.Name.Contains("Member", StringComparison.Ordinal) => Committee + "/members/thanh-vien",
            ("CommitteeService", "name") when method.Name == "GetComposition" => Committee + "/compositions/current",
            ("CommitteeService", "name") => Committee,
            ("CommitteeService", "parent") when method.Name is not ("ListCommittees" or "CreateCommittee") => Committee,
            ("ChangeFeedService", "parent") when method.Name == "WatchTasks" => Province + "/directives/-",
            ("MinistryService", "parent") when method.Name == "ExportTasks" => Province + "/directives/-",
            (_, "parent") => Province,
            _ => Nested(field),
        };
    }

    /// <summary>The value of a name field inside the request's messages (the resource of a Create or Update).</summary>
    public string Nested(string field)
        => field.EndsWith("agency", StringComparison.Ordinal) || field.EndsWith("agencies", StringComparison.Ordinal) ? Agency : Directive;
}
