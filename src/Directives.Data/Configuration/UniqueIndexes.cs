namespace Directives.Data.Configuration;

/// <summary>Names of the unique indexes whose violations the Server turns into ALREADY_EXISTS.</summary>
internal static class UniqueIndexes
{
    public const string DirectiveNumber = "ux_directives_number_year";
    public const string TaskNumber = "ux_tasks_directive_number";
}
