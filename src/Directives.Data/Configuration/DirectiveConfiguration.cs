using Directives.Data.Resources;
using Directives.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class DirectiveConfiguration(ModelOptions options) : IEntityTypeConfiguration<Directive>
{
    public const string Table = "directives";

    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(d => d.Id).HasName("pk_directives");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasResourceColumns(options, softDeletable: true);

        builder.Property(d => d.NumberAndSymbol).HasConversion(DomainConverters.NumberAndSymbol).HasMaxLength(NumberAndSymbol.MaxLength);

        // Uniqueness is on the canonical number ("2157 - CV/TU" is "2157-CV/TU") and the year of issue.
        builder.Property<string?>(DirectiveProperties.NumberCanonical).HasMaxLength(NumberAndSymbol.MaxLength).UseOrdinalCollation(options);
        builder.Property<int?>(DirectiveProperties.IssueYear);

        // The contract's issuing_body_kind has no domain counterpart; the Server keeps it here.
        builder.Property<int?>(DirectiveProperties.IssuingBodyKind);
        builder.Ignore(d => d.Year);
        builder.Ignore(d => d.IsInForce);

        // Value records as JSON complex types: no identity to track, order kept, replaced freely.
        builder.ComplexProperty(d => d.Signer, signer => signer.ToJson("signer"));
        builder.Ignore(d => d.LegalBases);
        builder.ComplexCollection<List<LegalBasis>, LegalBasis>("_legalBases", basis => basis.ToJson("legal_bases"));
        builder.PrimitiveCollection(d => d.Recipients).HasField("_recipients");

        builder.Property<string?>(DirectiveProperties.NumberSearch);
        builder.Property<string>(DirectiveProperties.SubjectSearch).IsRequired().UseOrdinalCollation(options);
        builder.Property<string>(DirectiveProperties.IssuingBodySearch).IsRequired();
        builder.Property<string?>(DirectiveProperties.SignerSearch);
        builder.Property<string>(DirectiveProperties.SearchText).IsRequired();

        // Non-null sort keys, so keyset pages compare without NULL logic: the issue date's day number
        // (-1 without a date) and the canonical number ("" without one).
        builder.Property<int>(DirectiveProperties.IssueSort);
        builder.Property<string>(DirectiveProperties.NumberSort).IsRequired().HasMaxLength(NumberAndSymbol.MaxLength).UseOrdinalCollation(options);

        builder.HasIndex(ResourceProperties.ResourceId).IsUnique().HasDatabaseName("ux_directives_resource_id");

        // Số, ký hiệu unique per province (the database) and year among undeleted directives.
        builder.HasIndex(DirectiveProperties.NumberCanonical, DirectiveProperties.IssueYear)
            .IsUnique()
            .HasFilter("delete_time IS NULL AND number_canonical IS NOT NULL")
            .HasDatabaseName(UniqueIndexes.DirectiveNumber);
        builder.HasIndex(DirectiveProperties.IssueSort, ResourceProperties.ResourceId).HasDatabaseName("ix_directives_issue_order");
    }
}
