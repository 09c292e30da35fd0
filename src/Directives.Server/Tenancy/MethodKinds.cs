namespace Directives.Server.Tenancy;

/// <summary>
/// Tells reads from mutations by the AIP verb that starts a method's name. Anything not known to be a
/// read is a mutation, so a new verb is refused on a read-only province until it is listed here.
/// </summary>
internal static class MethodKinds
{
    private static readonly string[] ReadVerbs = ["Get", "List", "Watch", "Summarize", "Export", "Search", "BatchGet"];

    public static MethodKind Of(string methodName)
    {
        foreach (var verb in ReadVerbs)
        {
            // "ListTasks" and "Get" are reads; "Getaway" would not be: the verb must end at a word boundary.
            if (methodName.StartsWith(verb, StringComparison.Ordinal)
                && (methodName.Length == verb.Length || char.IsUpper(methodName[verb.Length])))
            {
                return MethodKind.Read;
            }
        }

        return MethodKind.Mutation;
    }
}
