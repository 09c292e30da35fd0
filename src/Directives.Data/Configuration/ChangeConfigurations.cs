using Directives.Data.Changes;
using Directives.Data.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("changes");
        builder.HasKey(c => c.Sequence).HasName("pk_changes");

        // Assigned from feed_head in the writing transaction (FeedSequencer), never by the database.
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.ResourceName).HasMaxLength(500);
        builder.Property(c => c.ResourceType).HasMaxLength(100);
        builder.Property(c => c.Method).HasMaxLength(200);
        builder.Property(c => c.ActorSubject).HasMaxLength(300);
        builder.Property(c => c.ActorDisplayName).HasMaxLength(300);
        builder.Property(c => c.ActorAgency).HasMaxLength(300);
        builder.Property(c => c.ActorRoles).HasMaxLength(300);
        builder.Property(c => c.RequestId).HasMaxLength(100);
        builder.Property(c => c.Etag).HasMaxLength(ResourceConfiguration.EtagMaxLength);
        builder.Ignore(c => c.CommitTime);
        builder.Ignore(c => c.Actor);

        // A resource's history, newest first, is a backward scan of this index.
        builder.HasIndex(c => new { c.ResourceName, c.Sequence }).HasDatabaseName("ix_changes_resource");
    }
}

internal sealed class FeedHeadConfiguration : IEntityTypeConfiguration<FeedHead>
{
    public void Configure(EntityTypeBuilder<FeedHead> builder)
    {
        builder.ToTable("feed_head");
        builder.HasKey(h => h.Id).HasName("pk_feed_head");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasData(new FeedHead { Id = FeedHead.SingletonId, Sequence = 0, CommitTicks = 0 });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => r.RequestId).HasName("pk_idempotency_keys");
        builder.Property(r => r.RequestId).HasMaxLength(100);
        builder.Property(r => r.Method).HasMaxLength(200);
        builder.Property(r => r.ResourceName).HasMaxLength(500);
        builder.Ignore(r => r.CreateTime);
        builder.Ignore(r => r.ExpireTime);
        builder.HasIndex(r => r.ExpireTicks).HasDatabaseName("ix_idempotency_keys_expire");
    }
}
