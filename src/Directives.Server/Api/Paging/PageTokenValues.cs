namespace Directives.Server.Api;

/// <summary>
/// The typed values of a <see cref="PagePosition"/> in a page token: a tag byte, then the value.
/// Integers (and enums) travel as 64-bit; <see cref="SortMember"/> converts them back to the member's type.
/// </summary>
internal static class PageTokenValues
{
    private enum Tag : byte
    {
        Null,
        String,
        Integer,
        Decimal,
        Double,
        DateTime,
        DateTimeOffset,
        DateOnly,
        Bool,
        Guid,
    }

    public static void Write(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.Null);
                break;
            case string text:
                writer.Write((byte)Tag.String);
                writer.Write(text);
                break;
            case Enum or sbyte or byte or short or ushort or int or uint or long:
                writer.Write((byte)Tag.Integer);
                writer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case decimal number:
                writer.Write((byte)Tag.Decimal);
                writer.Write(number);
                break;
            case double or float:
                writer.Write((byte)Tag.Double);
                writer.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                writer.Write((byte)Tag.DateTime);
                writer.Write(time.Ticks);
                writer.Write((byte)time.Kind);
                break;
            case DateTimeOffset instant:
                writer.Write((byte)Tag.DateTimeOffset);
                writer.Write(instant.UtcTicks);
                writer.Write((short)instant.Offset.TotalMinutes);
                break;
            case DateOnly date:
                writer.Write((byte)Tag.DateOnly);
                writer.Write(date.DayNumber);
                break;
            case bool flag:
                writer.Write((byte)Tag.Bool);
                writer.Write(flag);
                break;
            case Guid id:
                writer.Write((byte)Tag.Guid);
                writer.Write(id.ToByteArray());
                break;
            default:
                throw new ArgumentException($"A page position cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    public static object? Read(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.Null => null,
        Tag.String => reader.ReadString(),
        Tag.Integer => reader.ReadInt64(),
        Tag.Decimal => reader.ReadDecimal(),
        Tag.Double => reader.ReadDouble(),
        Tag.DateTime => new DateTime(reader.ReadInt64(), (DateTimeKind)reader.ReadByte()),
        Tag.DateTimeOffset => ReadInstant(reader),
        Tag.DateOnly => DateOnly.FromDayNumber(reader.ReadInt32()),
        Tag.Bool => reader.ReadBoolean(),
        Tag.Guid => new Guid(reader.ReadBytes(16)),
        _ => throw new FormatException("Unknown value tag."),
    };

    private static DateTimeOffset ReadInstant(BinaryReader reader)
    {
        var utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
