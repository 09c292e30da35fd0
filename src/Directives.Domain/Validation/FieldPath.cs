namespace Directives.Domain.Validation;

internal static class FieldPath
{
    public static string Join(string parent, string child)
    {
        if (parent.Length == 0)
        {
            return child;
        }

        return child.Length == 0 ? parent : parent + "." + child;
    }

    public static string Item(string field, int index) => $"{field}[{index}]";
}
