using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directives.Data.Configuration;

internal sealed class TaskAgencyConfiguration : IEntityTypeConfiguration<TaskAgency>
{
    public void Configure(EntityTypeBuilder<TaskAgency> builder)
    {
        builder.ToTable("task_agencies");
        builder.HasKey(a => new { a.TaskId, a.AgencyId }).HasName("pk_task_agencies");
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_task_agencies_task");
        builder.HasIndex(a => new { a.AgencyId, a.IsLead, a.TaskId }).HasDatabaseName("ix_task_agencies_agency");
    }
}
