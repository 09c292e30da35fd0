namespace Directives.Server.Tenancy;

/// <summary>
/// What every registry must hold true, whatever stores it: valid unique ids, names, known time zones,
/// and succession links that agree both ways and make no cycle. Checked when a registry is loaded
/// (a hand-edited file that breaks them stops the server) and before every write.
/// </summary>
internal static class ProvinceRegistryRules
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first broken rule.</summary>
    public static void Validate(IReadOnlyCollection<ProvinceRecord> provinces)
    {
        var byId = new Dictionary<string, ProvinceRecord>(StringComparer.Ordinal);
        foreach (var province in provinces)
        {
            if (!ProvinceNames.IsValidId(province.Id))
            {
                throw new InvalidDataException($"'{province.Id}' is not a province id (1-63 of a-z, 0-9 and '-').");
            }

            if (!byId.TryAdd(province.Id, province))
            {
                throw new InvalidDataException($"Province '{province.Id}' is registered twice.");
            }

            if (string.IsNullOrWhiteSpace(province.DisplayName) || province.DisplayName.Length > MaxDisplayNameLength)
            {
                throw new InvalidDataException($"Province '{province.Id}' needs a display name of 1 to {MaxDisplayNameLength} characters.");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(province.TimeZone, out _))
            {
                throw new InvalidDataException($"Province '{province.Id}' has an unknown time zone '{province.TimeZone}'.");
            }

            if ((province.Successor is null) != (province.SuccessionDate is null))
            {
                throw new InvalidDataException($"Province '{province.Id}' needs both a successor and a succession date, or neither.");
            }
        }

        foreach (var province in provinces)
        {
            if (province.Successor is { } successorId
                && (!byId.TryGetValue(successorId, out var successor) || !successor.Predecessors.Contains(province.Id)))
            {
                throw new InvalidDataException($"Province '{province.Id}' names '{successorId}' as successor, which does not list it as a predecessor.");
            }

            foreach (var predecessorId in province.Predecessors)
            {
                if (!byId.TryGetValue(predecessorId, out var predecessor) || predecessor.Successor != province.Id)
                {
                    throw new InvalidDataException($"Province '{province.Id}' lists '{predecessorId}' as predecessor, which does not name it as successor.");
                }
            }

            if (SuccessionLoops(province.Id, byId))
            {
                throw new InvalidDataException($"The succession of '{province.Id}' makes a cycle.");
            }
        }
    }

    /// <summary>Whether following successors from <paramref name="id"/> ever meets a province twice.</summary>
    public static bool SuccessionLoops(string id, IReadOnlyDictionary<string, ProvinceRecord> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var current = byId.GetValueOrDefault(id)?.Successor;
        while (current is not null)
        {
            if (!seen.Add(current))
            {
                return true;
            }

            current = byId.GetValueOrDefault(current)?.Successor;
        }

        return false;
    }
}
