using Directives.Data.Resources;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Google.Protobuf.WellKnownTypes;

namespace Directives.Server.Services.Tasks;

/// <summary>Preconditions several TaskService methods share.</summary>
internal static class TaskChecks
{
    // The range of google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>FAILED_PRECONDITION (RESOURCE_DELETED) for a soft-deleted task: only UndeleteTask acts on one.</summary>
    public static void EnsureNotDeleted(ResourceStamp stamp, string provinceId)
    {
        if (stamp.IsDeleted)
        {
            throw ApiErrors.ResourceDeleted(TaskPresenter.NameOf(provinceId, stamp));
        }
    }

    /// <summary>
    /// An instant a request gives for something done (completed, approved): now when unset; a violation
    /// on <paramref name="field"/> (and now in its place) when it is malformed or in the future.
    /// </summary>
    public static DateTimeOffset PastInstant(Timestamp? given, string field, DateTimeOffset now, RequestViolations violations)
    {
        if (given is null)
        {
            return now;
        }

        if (given.Seconds is < MinSeconds or > MaxSeconds || given.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a valid timestamp");
            return now;
        }

        var instant = given.ToDateTimeOffset();
        if (instant > now)
        {
            violations.Add(field, $"{instant:O} is in the future; the server's time is {now:O}");
            return now;
        }

        return instant;
    }
}
