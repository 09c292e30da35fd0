using Directives.Data.Resources;
using Directives.Domain.Committees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class CommitteeConfiguration(ModelOptions options) : IEntityTypeConfiguration<SteeringCommittee>
{
    public void Configure(EntityTypeBuilder<SteeringCommittee> builder)
    {
        builder.ToTable("steering_committees");
        builder.HasKey(c => c.Id).HasName("pk_steering_committees");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasResourceColumns(options, softDeletable: false);

        // Compositions and their members are one JSON document per committee, as complex types mapped
        // on the backing fields (EF needs an IList). The domain reads the list
        // order (the last composition is the current one; members are kept in position order), which a
        // JSON array preserves and child tables loaded by EF would not. A committee has a few compositions
        // of a few dozen members, and is read and written whole.
        builder.Ignore(c => c.Compositions);
        builder.ComplexCollection<List<CommitteeComposition>, CommitteeComposition>("_compositions", composition =>
        {
            composition.ToJson("compositions");
            composition.Property(c => c.Decision).HasConversion(DomainConverters.NumberAndSymbol);
            composition.Ignore(c => c.Members);
            composition.ComplexCollection<List<CommitteeMember>, CommitteeMember>("_members", member =>
            {
                member.Property(m => m.AppointedBy).HasConversion(DomainConverters.NumberAndSymbol);
                member.PrimitiveCollection(m => m.ResponsibilityAreas).HasField("_responsibilityAreas");
            });
        });

        builder.HasIndex(ResourceProperties.ResourceId).IsUnique().HasDatabaseName("ux_steering_committees_resource_id");
    }
}
