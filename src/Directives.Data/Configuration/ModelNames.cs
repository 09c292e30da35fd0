using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Directives.Data.Configuration;

/// <summary>snake_case columns and JSON keys for every mapped property, so hand-written SQL and migrations read naturally.</summary>
internal static class ModelNames
{
    public static void ApplySnakeCase(IMutableModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            var inJson = entityType.IsMappedToJson();
            foreach (var property in entityType.GetProperties())
            {
                if (inJson)
                {
                    if (property.GetJsonPropertyName() is { } jsonName)
                    {
                        property.SetJsonPropertyName(ToSnakeCase(jsonName));
                    }
                }
                else if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }

            if (inJson)
            {
                foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()))
                {
                    navigation.TargetEntityType.SetJsonPropertyName(ToSnakeCase(navigation.Name));
                }
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
