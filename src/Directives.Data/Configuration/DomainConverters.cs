using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Directives.Data.Configuration;

/// <summary>
/// Value objects stored as their canonical text, as the domain README prescribes; each reads back
/// through the domain's own parser, so a stored value is always a valid one. Typed as the non-generic
/// base so that one instance maps both nullable and non-nullable properties (EF never converts null).
/// </summary>
internal static class DomainConverters
{
    public static readonly ValueConverter NumberAndSymbol =
        new ValueConverter<NumberAndSymbol, string>(value => value.Text, text => Domain.Directives.NumberAndSymbol.Parse(text));

    /// <summary>"3.10" as printed; the sort key ("0003.0010") is a column of its own (TaskProperties.NumberSortKey).</summary>
    public static readonly ValueConverter TaskNumber =
        new ValueConverter<TaskNumber, string>(value => value.ToString(), text => Domain.Tasks.TaskNumber.Parse(text));

    public static readonly ValueConverter Deadline =
        new ValueConverter<Deadline, string>(value => value.ToString(), text => Domain.Tasks.Deadline.Parse(text));

    public static readonly ValueConverter Period =
        new ValueConverter<Period, string>(value => value.ToString(), text => Domain.Time.Period.Parse(text));

    /// <summary>
    /// Instants are stored as UTC ticks (bigint on both providers): exact to the 100 ns the domain computes
    /// (a deadline ends at 23:59:59.9999999 in Vietnam, which PostgreSQL's microsecond timestamptz would
    /// round), and ordered and compared as plain integers where SQLite cannot order DateTimeOffset.
    /// </summary>
    public static readonly ValueConverter UtcTicks =
        new ValueConverter<DateTimeOffset, long>(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
