using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Directives.Data.Migrations;

/// <summary>
/// The first schema of a province database, written by hand (EF's design-time tools are not available
/// here) to match the model exactly; MigrationSchemaTests compares the two on both providers.
/// </summary>
[DbContext(typeof(ProvinceDbContext))]
[Migration("20261122000000_InitialSchema")]
internal sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var types = new ProviderColumns(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "agencies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                merged_into_id = table.Column<Guid>(nullable: true),
                merged_on = table.Column<DateOnly>(nullable: true),
                names = table.Column<string>(type: types.Json, nullable: false),
                resource_id = table.Column<string>(maxLength: 63, collation: types.OrdinalCollation, nullable: false),
                etag = table.Column<string>(maxLength: 32, nullable: false),
                create_time = table.Column<long>(nullable: false),
                update_time = table.Column<long>(nullable: false),
                delete_time = table.Column<long>(nullable: true),
                purge_time = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_agencies", x => x.id));

        migrationBuilder.CreateTable(
            name: "changes",
            columns: table => new
            {
                sequence = table.Column<long>(nullable: false),
                resource_name = table.Column<string>(maxLength: 500, nullable: false),
                resource_type = table.Column<string>(maxLength: 100, nullable: false),
                kind = table.Column<int>(nullable: false),
                method = table.Column<string>(maxLength: 200, nullable: false),
                actor_subject = table.Column<string>(maxLength: 300, nullable: false),
                actor_display_name = table.Column<string>(maxLength: 300, nullable: true),
                actor_agency = table.Column<string>(maxLength: 300, nullable: true),
                actor_roles = table.Column<string>(maxLength: 300, nullable: false),
                request_id = table.Column<string>(maxLength: 100, nullable: true),
                commit_ticks = table.Column<long>(nullable: false),
                etag = table.Column<string>(maxLength: 32, nullable: true),
                before = table.Column<byte[]>(nullable: true),
                after = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_changes", x => x.sequence));

        migrationBuilder.CreateTable(
            name: "directives",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_type = table.Column<int>(nullable: false),
                number_and_symbol = table.Column<string>(maxLength: 60, nullable: true),
                number_canonical = table.Column<string>(maxLength: 60, collation: types.OrdinalCollation, nullable: true),
                issue_year = table.Column<int>(nullable: true),
                issuing_body = table.Column<string>(nullable: false),
                issuing_body_kind = table.Column<int>(nullable: true),
                place = table.Column<string>(nullable: true),
                issued_on = table.Column<DateOnly>(nullable: true),
                subject = table.Column<string>(nullable: false),
                signer = table.Column<string>(type: types.Json, nullable: true),
                legal_bases = table.Column<string>(type: types.Json, nullable: false),
                recipients = table.Column<string>(type: types.StringList, nullable: false),
                monitoring_agency_id = table.Column<Guid>(nullable: true),
                reporting_schedule = table.Column<int>(nullable: false),
                confidentiality = table.Column<int>(nullable: false),
                body = table.Column<string>(nullable: false),
                state = table.Column<int>(nullable: false),
                supersedes_id = table.Column<Guid>(nullable: true),
                superseded_by_id = table.Column<Guid>(nullable: true),
                number_search = table.Column<string>(nullable: true),
                subject_search = table.Column<string>(collation: types.OrdinalCollation, nullable: false),
                issuing_body_search = table.Column<string>(nullable: false),
                signer_search = table.Column<string>(nullable: true),
                search_text = table.Column<string>(nullable: false),
                issue_sort = table.Column<int>(nullable: false),
                number_sort = table.Column<string>(maxLength: 60, collation: types.OrdinalCollation, nullable: false),
                resource_id = table.Column<string>(maxLength: 63, collation: types.OrdinalCollation, nullable: false),
                etag = table.Column<string>(maxLength: 32, nullable: false),
                create_time = table.Column<long>(nullable: false),
                update_time = table.Column<long>(nullable: false),
                delete_time = table.Column<long>(nullable: true),
                purge_time = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_directives", x => x.id));

        migrationBuilder.CreateTable(
            name: "feed_head",
            columns: table => new
            {
                id = table.Column<int>(nullable: false),
                sequence = table.Column<long>(nullable: false),
                commit_ticks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_feed_head", x => x.id));

        migrationBuilder.CreateTable(
            name: "idempotency_keys",
            columns: table => new
            {
                request_id = table.Column<string>(maxLength: 100, nullable: false),
                method = table.Column<string>(maxLength: 200, nullable: false),
                fingerprint = table.Column<byte[]>(nullable: false),
                resource_name = table.Column<string>(maxLength: 500, nullable: false),
                response = table.Column<byte[]>(nullable: true),
                create_ticks = table.Column<long>(nullable: false),
                expire_ticks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_idempotency_keys", x => x.request_id));

        migrationBuilder.CreateTable(
            name: "steering_committees",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                level = table.Column<int>(nullable: false),
                name = table.Column<string>(nullable: false),
                area_name = table.Column<string>(nullable: false),
                standing_agency_id = table.Column<Guid>(nullable: true),
                compositions = table.Column<string>(type: types.Json, nullable: false),
                resource_id = table.Column<string>(maxLength: 63, collation: types.OrdinalCollation, nullable: false),
                etag = table.Column<string>(maxLength: 32, nullable: false),
                create_time = table.Column<long>(nullable: false),
                update_time = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_steering_committees", x => x.id));

        migrationBuilder.CreateTable(
            name: "tasks",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                directive_id = table.Column<Guid>(nullable: false),
                directive_resource_id = table.Column<string>(maxLength: 63, collation: types.OrdinalCollation, nullable: false),
                number = table.Column<string>(maxLength: 24, nullable: false),
                number_sort_key = table.Column<string>(maxLength: 24, collation: types.OrdinalCollation, nullable: false),
                title = table.Column<string>(nullable: false),
                content = table.Column<string>(nullable: false),
                lead_agency_id = table.Column<Guid>(nullable: false),
                cooperating_agency_ids = table.Column<string>(type: types.GuidList, nullable: false),
                original_deadline = table.Column<string>(maxLength: 60, nullable: false),
                deadline = table.Column<string>(maxLength: 60, nullable: false),
                due_at = table.Column<long>(nullable: true),
                due_sort = table.Column<long>(nullable: false),
                complete_sort = table.Column<long>(nullable: false),
                state = table.Column<int>(nullable: false),
                completed_at = table.Column<long>(nullable: true),
                cancellation_reason = table.Column<string>(nullable: true),
                targets = table.Column<string>(type: types.Json, nullable: false),
                extensions = table.Column<string>(type: types.Json, nullable: false),
                title_search = table.Column<string>(nullable: false),
                content_search = table.Column<string>(nullable: false),
                resource_id = table.Column<string>(maxLength: 63, collation: types.OrdinalCollation, nullable: false),
                etag = table.Column<string>(maxLength: 32, nullable: false),
                create_time = table.Column<long>(nullable: false),
                update_time = table.Column<long>(nullable: false),
                delete_time = table.Column<long>(nullable: true),
                purge_time = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tasks", x => x.id);
                table.ForeignKey("fk_tasks_directive", x => x.directive_id, "directives", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "task_agencies",
            columns: table => new
            {
                task_id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                is_lead = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_task_agencies", x => new { x.task_id, x.agency_id });
                table.ForeignKey("fk_task_agencies_task", x => x.task_id, "tasks", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "task_reports",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                period = table.Column<string>(maxLength: 60, nullable: true),
                text = table.Column<string>(nullable: false),
                percent_complete = table.Column<int>(nullable: false),
                measurements = table.Column<string>(nullable: false),
                submitted_by = table.Column<string>(nullable: false),
                submitted_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_task_reports", x => x.id);
                table.ForeignKey("fk_task_reports_task", x => x.task_id, "tasks", "id", onDelete: ReferentialAction.Cascade);
            });

        // The feed's single counter row (FeedHeadConfiguration's HasData for EnsureCreated).
        migrationBuilder.Sql("INSERT INTO feed_head (id, sequence, commit_ticks) VALUES (1, 0, 0);");

        migrationBuilder.CreateIndex("ux_agencies_resource_id", "agencies", "resource_id", unique: true);
        migrationBuilder.CreateIndex("ix_changes_resource", "changes", ["resource_name", "sequence"]);
        migrationBuilder.CreateIndex("ix_directives_issue_order", "directives", ["issue_sort", "resource_id"]);
        migrationBuilder.CreateIndex(
            "ux_directives_number_year", "directives", ["number_canonical", "issue_year"], unique: true,
            filter: "delete_time IS NULL AND number_canonical IS NOT NULL");
        migrationBuilder.CreateIndex("ux_directives_resource_id", "directives", "resource_id", unique: true);
        migrationBuilder.CreateIndex("ix_idempotency_keys_expire", "idempotency_keys", "expire_ticks");
        migrationBuilder.CreateIndex("ux_steering_committees_resource_id", "steering_committees", "resource_id", unique: true);
        migrationBuilder.CreateIndex("ix_task_agencies_agency", "task_agencies", ["agency_id", "is_lead", "task_id"]);
        migrationBuilder.CreateIndex("ix_task_reports_agency", "task_reports", ["agency_id", "submitted_at"]);
        migrationBuilder.CreateIndex("ix_task_reports_task_id", "task_reports", "task_id");
        migrationBuilder.CreateIndex("ix_tasks_create_time_order", "tasks", ["create_time", "directive_resource_id", "resource_id"]);
        migrationBuilder.CreateIndex("ix_tasks_due_order", "tasks", ["due_sort", "directive_resource_id", "resource_id"]);
        migrationBuilder.CreateIndex("ix_tasks_number_order", "tasks", ["directive_resource_id", "number_sort_key", "resource_id"]);
        migrationBuilder.CreateIndex("ix_tasks_state_due_order", "tasks", ["state", "due_sort", "directive_resource_id", "resource_id"]);
        migrationBuilder.CreateIndex("ix_tasks_state_number_order", "tasks", ["state", "directive_resource_id", "number_sort_key", "resource_id"]);
        migrationBuilder.CreateIndex("ix_tasks_update_time_order", "tasks", ["update_time", "directive_resource_id", "resource_id"]);
        migrationBuilder.CreateIndex(
            "ux_tasks_directive_number", "tasks", ["directive_id", "number_sort_key"], unique: true, filter: "delete_time IS NULL");
        migrationBuilder.CreateIndex("ux_tasks_resource_id", "tasks", ["directive_resource_id", "resource_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "task_reports", "task_agencies", "tasks", "steering_committees", "idempotency_keys", "feed_head", "directives", "changes", "agencies" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
