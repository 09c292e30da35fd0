namespace Directives.Server.Services.Tasks;

/// <summary>Field paths of violations, as BadRequest names them: <c>targets[2].metric</c>.</summary>
internal static class FieldPaths
{
    public static string Join(string parent, string child)
        => parent.Length == 0 ? child : child.Length == 0 ? parent : parent + "." + child;

    public static string Item(string field, int index) => $"{field}[{index}]";
}
