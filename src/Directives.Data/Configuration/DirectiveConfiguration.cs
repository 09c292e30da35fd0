using Directives.Data.Search;
using Directives.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class DirectiveConfiguration(ModelOptions options) : IEntityTypeConfiguration<Directive>
{
    public const string Table = "directives";
    public const string NumberCanonical = nameof(NumberCanonical);
    public const string IssueYear = nameof(IssueYear);
    public const string IssuingBodyKind = nameof(IssuingBodyKind);
    public const string IssueSort = nameof(IssueSort);
    public const string NumberSort = nameof(NumberSort);

    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(d => d.Id).HasName("pk_directives");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasResourceColumns(options, softDeletable: true);

        builder.Property(d => d.NumberAndSymbol).HasConversion(DomainConverters.NumberAndSymbol).HasMaxLength(NumberAndSymbol.MaxLength);

        // Uniqueness is on the canonical number ("2157 - CV/TU" is "2157-CV/TU") and the year of issue.
        builder.Property<string?>(NumberCanonical).HasMaxLength(NumberAndSymbol.MaxLength).UseOrdinalCollation(options);
        builder.Property<int?>(IssueYear);

        // The contract's issuing_body_kind has no domain counterpart; the Server keeps it here.
        builder.Property<int?>(IssuingBodyKind);
        builder.Ignore(d => d.Year);
        builder.Ignore(d => d.IsInForce);

        // Value records as JSON complex types: no identity to track, order kept, replaced freely.
        builder.ComplexProperty(d => d.Signer, signer => signer.ToJson("signer"));
        builder.Ignore(d => d.LegalBases);
        builder.ComplexCollection<List<LegalBasis>, LegalBasis>("_legalBases", basis => basis.ToJson("legal_bases"));
        builder.PrimitiveCollection(d => d.Recipients).HasField("_recipients");

        builder.Property<string?>(SearchProperties.DirectiveNumber);
        builder.Property<string>(SearchProperties.DirectiveSubject).IsRequired().UseOrdinalCollation(options);
        builder.Property<string>(SearchProperties.DirectiveIssuingBody).IsRequired();
        builder.Property<string?>(SearchProperties.DirectiveSigner);
        builder.Property<string>(SearchProperties.DirectiveText).IsRequired();

        // Non-null sort keys, so keyset pages compare without NULL logic: the issue date's day number
        // (-1 without a date) and the canonical number ("" without one).
        builder.Property<int>(IssueSort);
        builder.Property<string>(NumberSort).IsRequired().HasMaxLength(NumberAndSymbol.MaxLength).UseOrdinalCollation(options);

        builder.HasIndex(Resources.ResourceProperties.ResourceId).IsUnique().HasDatabaseName("ux_directives_resource_id");

        // Số, ký hiệu unique per province (the database) and year among undeleted directives.
        builder.HasIndex(NumberCanonical, IssueYear)
            .IsUnique()
            .HasFilter("delete_time IS NULL AND number_canonical IS NOT NULL")
            .HasDatabaseName(UniqueIndexes.DirectiveNumber);
        builder.HasIndex(IssueSort, Resources.ResourceProperties.ResourceId).HasDatabaseName("ix_directives_issue_order");
    }
}
