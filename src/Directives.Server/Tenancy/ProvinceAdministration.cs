using Directives.Server.Api;

namespace Directives.Server.Tenancy;

/// <summary>
/// The registry's rules for ProvinceAdminService, on top of any <see cref="IProvinceRegistry"/>: a new
/// province is provisioned before it is registered, links are kept both ways without cycles, and
/// etags and request ids make retries safe. Failures are thrown as the API's statuses.
/// </summary>
internal sealed class ProvinceAdministration(IProvinceRegistry registry, IProvinceProvisioner provisioner, TimeProvider timeProvider)
{
    /// <summary>
    /// Registers <paramref name="draft"/> (id, display name, time zone, storage location) as ACTIVE after
    /// its database is created and migrated; nothing is registered if that fails.
    /// </summary>
    public async Task<ProvinceRecord> CreateAsync(ProvinceRecord draft, string? requestId, bool validateOnly, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(requestId))
        {
            var provinces = await registry.ListAsync(cancellationToken);
            if (provinces.FirstOrDefault(province => province.CreateRequestId == requestId) is { } earlier)
            {
                return IsSameCreation(earlier, draft) ? earlier : throw ApiErrors.RequestIdReused(requestId);
            }
        }

        var name = ProvinceNames.Format(draft.Id);
        if (await registry.FindAsync(draft.Id, cancellationToken) is not null)
        {
            throw ApiErrors.AlreadyExists(name);
        }

        var now = timeProvider.GetUtcNow();
        var record = draft with
        {
            State = ProvinceState.Active,
            Predecessors = [],
            Successor = null,
            SuccessionDate = null,
            Version = 1,
            CreateTime = now,
            UpdateTime = now,
            CreateRequestId = validateOnly || string.IsNullOrEmpty(requestId) ? null : requestId,
        };
        try
        {
            if (validateOnly)
            {
                await provisioner.CheckAsync(record, cancellationToken);
                return record;
            }

            await provisioner.ProvisionAsync(record, cancellationToken);
        }
        catch (UnknownStorageLocationException exception)
        {
            throw ApiErrors.InvalidField("province.storage_location", exception.Message);
        }
        catch (ProvinceStorageUnavailableException)
        {
            throw ApiErrors.StorageUnavailable(draft.Id);
        }

        try
        {
            await registry.SaveAsync([record], cancellationToken);
        }
        catch (ProvinceRegistryConflictException)
        {
            throw ApiErrors.AlreadyExists(name);
        }

        return record;
    }

    /// <summary>Sets a province's state; setting the current state again changes nothing and succeeds.</summary>
    public async Task<ProvinceRecord> UpdateStateAsync(string id, ProvinceState state, string? etag, bool validateOnly, CancellationToken cancellationToken)
    {
        var record = await FindAsync(id, etag, cancellationToken);
        if (record.State == state)
        {
            return record;
        }

        var updated = record.NextVersion(timeProvider.GetUtcNow()) with { State = state };
        if (!validateOnly)
        {
            await SaveAsync(id, [updated], cancellationToken);
        }

        return updated;
    }

    /// <summary>
    /// Records that <paramref name="predecessorId"/> became part of <paramref name="successorId"/> on
    /// <paramref name="date"/>, on both entries at once. States are left alone. Returns the successor.
    /// </summary>
    public async Task<ProvinceRecord> LinkPredecessorAsync(
        string successorId,
        string predecessorId,
        DateOnly date,
        string? etag,
        bool validateOnly,
        CancellationToken cancellationToken)
    {
        if (successorId == predecessorId)
        {
            throw ApiErrors.InvalidField("predecessor", "must be another province than name");
        }

        var successor = await FindAsync(successorId, etag, cancellationToken);
        var predecessorName = ProvinceNames.Format(predecessorId);
        var predecessor = await registry.FindAsync(predecessorId, cancellationToken) ?? throw ApiErrors.ProvinceNotFound(predecessorId);
        if (predecessor.Successor == successorId && predecessor.SuccessionDate == date)
        {
            return successor;
        }

        if (predecessor.Successor is { } other && other != successorId)
        {
            throw ApiErrors.InvalidStateTransition(predecessorName, "", $"{predecessorName} is already part of {ProvinceNames.Format(other)}.");
        }

        var byId = (await registry.ListAsync(cancellationToken)).ToDictionary(province => province.Id, StringComparer.Ordinal);
        for (var current = successor; current.Successor is { } next; current = byId[next])
        {
            if (next == predecessorId)
            {
                throw ApiErrors.InvalidStateTransition(predecessorName, "", $"Linking {predecessorName} to {ProvinceNames.Format(successorId)} would make a cycle of successions.");
            }
        }

        var now = timeProvider.GetUtcNow();
        var linkedPredecessor = predecessor.NextVersion(now) with { Successor = successorId, SuccessionDate = date };
        var linkedSuccessor = successor.NextVersion(now) with
        {
            Predecessors = [.. successor.Predecessors.Append(predecessorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
        if (!validateOnly)
        {
            await SaveAsync(successorId, [linkedSuccessor, linkedPredecessor], cancellationToken);
        }

        return linkedSuccessor;
    }

    private async Task<ProvinceRecord> FindAsync(string id, string? etag, CancellationToken cancellationToken)
    {
        var name = ProvinceNames.Format(id);
        var record = await registry.FindAsync(id, cancellationToken) ?? throw ApiErrors.ProvinceNotFound(id);
        return string.IsNullOrEmpty(etag) || etag == record.Etag ? record : throw ApiErrors.EtagMismatch(name);
    }

    private async Task SaveAsync(string id, IReadOnlyList<ProvinceRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await registry.SaveAsync(records, cancellationToken);
        }
        catch (ProvinceRegistryConflictException)
        {
            throw ApiErrors.EtagMismatch(ProvinceNames.Format(id));
        }
    }

    private static bool IsSameCreation(ProvinceRecord earlier, ProvinceRecord draft) =>
        earlier.Id == draft.Id
        && earlier.DisplayName == draft.DisplayName
        && earlier.TimeZone == draft.TimeZone
        && earlier.StorageLocation == draft.StorageLocation;
}
