using System.CommandLine;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Directives.Cli;

/// <summary>
/// An option whose values are a protobuf enum's names as the API writes them (<c>OFFICIAL_LETTER</c>, as in
/// filters and <c>--json</c>), also accepted in C# form (<c>OfficialLetter</c>) and any case. The
/// <c>*_UNSPECIFIED</c> value is not offered.
/// </summary>
internal static class ProtoEnumOption
{
    public static Option<TEnum> Create<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).ToList();
        var names = values.Select(ProtoName).ToList();
        return new Option<TEnum>(name)
        {
            Description = $"{description} One of {string.Join(", ", names)}; default {ProtoName(defaultValue)}.",
            HelpName = name.TrimStart('-'),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                foreach (var value in values)
                {
                    if (string.Equals(text, ProtoName(value), StringComparison.OrdinalIgnoreCase) || string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                result.AddError($"'{text}' is not one of {string.Join(", ", names)}.");
                return defaultValue;
            },
        };
    }

    public static string ProtoName<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
