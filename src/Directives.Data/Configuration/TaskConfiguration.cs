using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class TaskConfiguration(ModelOptions options) : IEntityTypeConfiguration<DirectiveTask>
{
    public const string Table = "tasks";

    private const int SortKeyMaxLength = 24;
    private const int DeadlineMaxLength = 60;

    public void Configure(EntityTypeBuilder<DirectiveTask> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(t => t.Id).HasName("pk_tasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasResourceColumns(options, softDeletable: true);
        builder.Property<string>(ResourceProperties.DirectiveResourceId).HasMaxLength(ResourceIds.MaxLength).IsRequired().UseOrdinalCollation(options);

        builder.HasOne<Directive>().WithMany().HasForeignKey(t => t.DirectiveId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_tasks_directive");
        builder.Property(t => t.Number).HasConversion(DomainConverters.TaskNumber).HasMaxLength(SortKeyMaxLength);

        // The number's sort key as a plain string ("0003.0010" for 3.10, ordered as text like the numbers
        // level by level), so SQL can order, compare and prefix-match it without the value converter.
        builder.Property<string>(TaskProperties.NumberSortKey).HasMaxLength(SortKeyMaxLength).IsRequired().UseOrdinalCollation(options);
        builder.PrimitiveCollection(t => t.CooperatingAgencyIds).HasField("_cooperatingAgencyIds");
        builder.Property(t => t.OriginalDeadline).HasConversion(DomainConverters.Deadline).HasMaxLength(DeadlineMaxLength);
        builder.Property(t => t.Deadline).HasConversion(DomainConverters.Deadline).HasMaxLength(DeadlineMaxLength);
        builder.Property(t => t.DueAt).HasConversion(DomainConverters.UtcTicks);
        builder.Property(t => t.CompletedAt).HasConversion(DomainConverters.UtcTicks);
        builder.Property<long>(TaskProperties.DueSort);
        builder.Property<long>(TaskProperties.CompleteSort);
        builder.Ignore(t => t.IsOpen);

        // Targets and extensions are values inside the task, kept in the domain's list order (targets are
        // reordered and replaced on update): JSON complex collections, mapped on the backing fields
        // because EF needs an IList.
        builder.Ignore(t => t.Targets);
        builder.ComplexCollection<List<Target>, Target>("_targets", target =>
        {
            target.ToJson("targets");
            target.Property(t => t.BaselinePeriod).HasConversion(DomainConverters.Period);
        });
        builder.Ignore(t => t.Extensions);
        builder.ComplexCollection<List<DeadlineExtension>, DeadlineExtension>("_extensions", extension =>
        {
            extension.ToJson("extensions");
            extension.Property(e => e.PreviousDeadline).HasConversion(DomainConverters.Deadline);
            extension.Property(e => e.NewDeadline).HasConversion(DomainConverters.Deadline);
            extension.Property(e => e.ApprovingDecision).HasConversion(DomainConverters.NumberAndSymbol);
        });

        // Reports are rows of their own: ListReports filters them by agency and period across a province.
        // They are records and never change, so the order they load in does not matter to the domain.
        builder.OwnsMany(t => t.Reports, report =>
        {
            report.ToTable("task_reports");
            report.WithOwner().HasForeignKey(r => r.TaskId).HasConstraintName("fk_task_reports_task");
            report.HasKey(r => r.Id).HasName("pk_task_reports");
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.Period).HasConversion(DomainConverters.Period).HasMaxLength(DeadlineMaxLength);
            report.Property(r => r.SubmittedAt).HasConversion(DomainConverters.UtcTicks);
            report.Property(r => r.Measurements)
                .HasField("_measurements")
                .HasConversion(JsonListConverter.Create<TargetMeasurement>(), JsonListConverter.Comparer<TargetMeasurement>());
            report.HasIndex(r => r.TaskId).HasDatabaseName("ix_task_reports_task_id");
            report.HasIndex(r => new { r.AgencyId, r.SubmittedAt }).HasDatabaseName("ix_task_reports_agency");
        });

        builder.Property<string>(TaskProperties.TitleSearch).IsRequired();
        builder.Property<string>(TaskProperties.ContentSearch).IsRequired();

        // Indexes for ListTasks at 100,000 tasks in a province. Every order ends with the resource name
        // (directive id, task id) so keyset pages are stable; the leading columns serve the filters.
        builder.HasIndex(ResourceProperties.DirectiveResourceId, ResourceProperties.ResourceId).IsUnique().HasDatabaseName("ux_tasks_resource_id");
        builder.HasIndex(nameof(DirectiveTask.DirectiveId), TaskProperties.NumberSortKey)
            .IsUnique()
            .HasFilter("delete_time IS NULL")
            .HasDatabaseName(UniqueIndexes.TaskNumber);
        builder.HasIndex(ResourceProperties.DirectiveResourceId, TaskProperties.NumberSortKey, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_number_order");
        builder.HasIndex(nameof(DirectiveTask.State), ResourceProperties.DirectiveResourceId, TaskProperties.NumberSortKey, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_state_number_order");
        builder.HasIndex(TaskProperties.DueSort, ResourceProperties.DirectiveResourceId, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_due_order");
        builder.HasIndex(nameof(DirectiveTask.State), TaskProperties.DueSort, ResourceProperties.DirectiveResourceId, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_state_due_order");
        builder.HasIndex(ResourceProperties.CreateTime, ResourceProperties.DirectiveResourceId, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_create_time_order");
        builder.HasIndex(ResourceProperties.UpdateTime, ResourceProperties.DirectiveResourceId, ResourceProperties.ResourceId).HasDatabaseName("ix_tasks_update_time_order");
    }
}
