using Directives.Data.Configuration;
using Directives.Data.Resources;
using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Search;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Directives.Data;

/// <summary>
/// Derives what the database keeps beside the domain's own fields, right before a save: search columns,
/// the directive's canonical number and year, the task's due sort key and agency index, and a new etag
/// for every changed resource that the caller did not touch (so no write keeps an old etag).
/// </summary>
internal static class StorageColumns
{
    /// <summary>
    /// The <see cref="TaskProperties.DueSort"/> of standing tasks, 9999-12-31T23:59:59Z in ticks: after
    /// any real deadline (the latest possible ends 31/12/9999 at 16:59:59.9999999Z).
    /// </summary>
    public const long StandingDueSort = 3_155_378_975_990_000_000;

    /// <summary>Updates the derived columns; returns whether any resource is being written.</summary>
    public static bool Update(ProvinceDbContext context, DateTimeOffset now)
    {
        var changedRoots = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Metadata.IsOwned())
            {
                if (FindRoot(context, entry) is { } root)
                {
                    changedRoots.Add(root);
                }

                continue;
            }

            if (entry.Entity is Directive or DirectiveTask or Agency or SteeringCommittee)
            {
                changedRoots.Add(entry);
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                switch (entry.Entity)
                {
                    case Directive directive:
                        UpdateDirective(entry, directive);
                        break;
                    case DirectiveTask task:
                        UpdateTask(context, entry, task);
                        break;
                }
            }
        }

        foreach (var root in changedRoots)
        {
            if (root.State == EntityState.Added && root.Property(ResourceProperties.ResourceId).CurrentValue is null)
            {
                throw new InvalidOperationException(
                    $"A new {root.Metadata.ClrType.Name} needs its resource id: add it with AddResource or AddTask.");
            }

            if (root.State != EntityState.Deleted && !root.Property(ResourceProperties.Etag).IsModified && root.State != EntityState.Added)
            {
                context.Resource(root.Entity).Touch(now);
            }
        }

        return changedRoots.Count > 0;
    }

    private static void UpdateDirective(EntityEntry entry, Directive directive)
    {
        entry.Property(DirectiveProperties.NumberCanonical).CurrentValue = directive.NumberAndSymbol?.Canonical;
        entry.Property(DirectiveProperties.IssueYear).CurrentValue = directive.IssuedOn?.Year;
        entry.Property(DirectiveProperties.NumberSearch).CurrentValue =
            directive.NumberAndSymbol is { } number ? VietnameseText.NormalizeForSearch(number.Text) : null;
        entry.Property(DirectiveProperties.SubjectSearch).CurrentValue = VietnameseText.NormalizeForSearch(directive.Subject);
        entry.Property(DirectiveProperties.IssuingBodySearch).CurrentValue = VietnameseText.NormalizeForSearch(directive.IssuingBody);
        entry.Property(DirectiveProperties.SignerSearch).CurrentValue =
            directive.Signer is { } signer ? VietnameseText.NormalizeForSearch(signer.FullName) : null;
        entry.Property(DirectiveProperties.SearchText).CurrentValue = VietnameseText.NormalizeForSearch(
            string.Join(' ', directive.NumberAndSymbol?.Text, directive.Subject, directive.IssuingBody, directive.Signer?.FullName, directive.Body));
        entry.Property(DirectiveProperties.IssueSort).CurrentValue = directive.IssuedOn?.DayNumber ?? -1;
        entry.Property(DirectiveProperties.NumberSort).CurrentValue = directive.NumberAndSymbol?.Canonical ?? "";
    }

    private static void UpdateTask(ProvinceDbContext context, EntityEntry entry, DirectiveTask task)
    {
        entry.Property(TaskProperties.TitleSearch).CurrentValue = VietnameseText.NormalizeForSearch(task.Title);
        entry.Property(TaskProperties.ContentSearch).CurrentValue = VietnameseText.NormalizeForSearch(task.Content);
        entry.Property(TaskProperties.NumberSortKey).CurrentValue = task.Number.SortKey;
        entry.Property(TaskProperties.DueSort).CurrentValue = task.DueAt?.UtcTicks ?? TaskProperties.StandingDueSort;
        entry.Property(TaskProperties.CompleteSort).CurrentValue = task.CompletedAt?.UtcTicks ?? long.MaxValue;
        UpdateAgencyIndex(context, entry, task);
    }

    /// <summary>Brings task_agencies in line with the task's lead and cooperating agencies, from the values it was read with.</summary>
    private static void UpdateAgencyIndex(ProvinceDbContext context, EntityEntry entry, DirectiveTask task)
    {
        var wanted = task.CooperatingAgencyIds.ToDictionary(id => id, _ => false);
        wanted[task.LeadAgencyId] = true;

        var stored = new Dictionary<Guid, bool>();
        if (entry.State == EntityState.Modified)
        {
            foreach (var id in (IEnumerable<Guid>?)entry.Property(nameof(DirectiveTask.CooperatingAgencyIds)).OriginalValue ?? [])
            {
                stored[id] = false;
            }

            stored[(Guid)entry.Property(nameof(DirectiveTask.LeadAgencyId)).OriginalValue!] = true;
        }

        foreach (var (agencyId, isLead) in stored)
        {
            if (!wanted.TryGetValue(agencyId, out var wantedLead))
            {
                context.TaskAgencies.Remove(Tracked(context, task.Id, agencyId, isLead));
            }
            else if (wantedLead != isLead)
            {
                Tracked(context, task.Id, agencyId, isLead).IsLead = wantedLead;
            }
        }

        foreach (var (agencyId, isLead) in wanted)
        {
            if (!stored.ContainsKey(agencyId))
            {
                context.TaskAgencies.Add(new TaskAgency { TaskId = task.Id, AgencyId = agencyId, IsLead = isLead });
            }
        }
    }

    // The row as stored, attached unchanged, so that changes to it are written as UPDATE or DELETE.
    private static TaskAgency Tracked(ProvinceDbContext context, Guid taskId, Guid agencyId, bool isLead)
    {
        var local = context.TaskAgencies.Local.FirstOrDefault(a => a.TaskId == taskId && a.AgencyId == agencyId);
        if (local is not null)
        {
            return local;
        }

        var row = new TaskAgency { TaskId = taskId, AgencyId = agencyId, IsLead = isLead };
        context.TaskAgencies.Attach(row);
        return row;
    }

    /// <summary>The aggregate root that owns <paramref name="owned"/>, found by the ownership keys among the tracked entries.</summary>
    private static EntityEntry? FindRoot(ProvinceDbContext context, EntityEntry owned)
    {
        var current = owned;
        while (current.Metadata.IsOwned())
        {
            var ownership = current.Metadata.FindOwnership()!;
            var useOriginal = current.State == EntityState.Deleted;
            var keyValues = ownership.Properties
                .Select(p => useOriginal ? current.Property(p.Name).OriginalValue : current.Property(p.Name).CurrentValue)
                .ToArray();
            var owner = context.ChangeTracker.Entries()
                .FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType && KeyEquals(e, ownership.PrincipalKey, keyValues));
            if (owner is null)
            {
                return null;
            }

            current = owner;
        }

        return current;
    }

    private static bool KeyEquals(EntityEntry entry, IKey key, object?[] values)
    {
        for (var i = 0; i < key.Properties.Count; i++)
        {
            if (!Equals(entry.Property(key.Properties[i].Name).CurrentValue, values[i]))
            {
                return false;
            }
        }

        return true;
    }
}
