using Directives.Data.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

/// <summary>The storage-only columns of a resource (see <see cref="ResourceProperties"/>).</summary>
internal static class ResourceConfiguration
{
    public const int EtagMaxLength = 32;

    /// <remarks>Times are UTC ticks, as every instant here (see <see cref="DomainConverters.UtcTicks"/>).</remarks>
    public static void HasResourceColumns<T>(this EntityTypeBuilder<T> builder, ModelOptions options, bool softDeletable)
        where T : class
    {
        builder.Property<string>(ResourceProperties.ResourceId).HasMaxLength(ResourceIds.MaxLength).IsRequired().UseOrdinalCollation(options);

        // The etag is EF's concurrency token: every UPDATE and DELETE says "WHERE etag = <the etag read>",
        // so a writer holding a stale copy affects no row and gets ConcurrencyConflictException instead of
        // overwriting a newer version. The Server also compares a request's etag before writing.
        builder.Property<string>(ResourceProperties.Etag).HasMaxLength(EtagMaxLength).IsRequired().IsConcurrencyToken();
        builder.Property<long>(ResourceProperties.CreateTime);
        builder.Property<long>(ResourceProperties.UpdateTime);
        if (softDeletable)
        {
            builder.Property<long?>(ResourceProperties.DeleteTime);
            builder.Property<long?>(ResourceProperties.PurgeTime);
        }
    }

    /// <summary>
    /// Resource ids and sort keys compare byte by byte on both providers (SQLite's BINARY, PostgreSQL's
    /// "C"), so pages ordered in one province database merge with another's in ordinal order.
    /// </summary>
    public static PropertyBuilder<TProperty> UseOrdinalCollation<TProperty>(this PropertyBuilder<TProperty> property, ModelOptions options)
        => options.IsPostgreSql ? property.UseCollation("C") : property;
}
