using Directives.Data.Resources;
using Directives.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class AgencyConfiguration(ModelOptions options) : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Id).HasName("pk_agencies");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasResourceColumns(options, softDeletable: true);

        // The name history is ordered (the last name is current) and its records are replaced on a
        // rename: a JSON array of values keeps the order where a child table would need an ordinal the
        // domain does not have.
        builder.Ignore(a => a.Names);
        builder.ComplexCollection<List<AgencyName>, AgencyName>("_names", name => name.ToJson("names"));
        builder.Ignore(a => a.Name);
        builder.Ignore(a => a.IsActive);

        builder.HasIndex(ResourceProperties.ResourceId).IsUnique().HasDatabaseName("ux_agencies_resource_id");
    }
}
