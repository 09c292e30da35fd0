using Directives.Data;
using Directives.Server.Api;

namespace Directives.Server.Services.Changes;

/// <summary>Checks a client's change token against the province's feed before anything is read after it.</summary>
internal static class ChangePosition
{
    /// <summary>
    /// The position <paramref name="text"/> names in <paramref name="db"/>'s feed; the start for an empty
    /// token. INVALID_ARGUMENT (INVALID_CHANGE_TOKEN) for a malformed token, one of another province, or
    /// one this database did not issue (beyond its head, or naming another change: the database was
    /// recreated); FAILED_PRECONDITION (CHANGE_TOKEN_EXPIRED) when its change is no longer kept.
    /// </summary>
    public static async Task<ChangeToken> ResolveAsync(ProvinceDbContext db, string text, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ChangeToken.Start(db.ProvinceId);
        }

        if (ChangeToken.TryParse(text) is not { } token)
        {
            throw ChangeTokenErrors.Invalid(field, "is not a change token of this server");
        }

        if (token.ProvinceId != db.ProvinceId)
        {
            throw ChangeTokenErrors.Invalid(field, $"belongs to the change feed of another province ({token.ProvinceId})");
        }

        if (token.Sequence == 0)
        {
            return token;
        }

        if (token.Sequence > await db.ChangeLog.HeadAsync(cancellationToken))
        {
            throw ChangeTokenErrors.Invalid(field, "is beyond the latest change of this province: it was issued by a database that has since been replaced");
        }

        var change = await db.ChangeLog.FindAsync(token.Sequence, cancellationToken) ?? throw ApiErrors.ChangeTokenExpired();
        return ChangeToken.FingerprintOf(change) == token.Fingerprint
            ? token
            : throw ChangeTokenErrors.Invalid(field, "was issued by a database of this province that has since been replaced");
    }

    /// <summary>The position after the latest committed change (start_at_head).</summary>
    public static async Task<ChangeToken> HeadAsync(ProvinceDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.ChangeLog.HeadAsync(cancellationToken);
        if (head == 0)
        {
            return ChangeToken.Start(db.ProvinceId);
        }

        var change = await db.ChangeLog.FindAsync(head, cancellationToken)
            ?? throw new InvalidOperationException($"The change feed of {db.ProvinceId} has no change {head}, its head.");
        return ChangeToken.After(db.ProvinceId, change);
    }
}
