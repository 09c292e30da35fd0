using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Directives.Server.Api;

/// <summary>
/// The parameters of a List call other than <c>page_size</c> and <c>page_token</c>: a page token is
/// bound to them, so that a token used with different ones is refused instead of silently paging
/// through another result set.
/// </summary>
/// <param name="Method">The List method, e.g. <c>ListTasks</c>; a token of one method never works for another.</param>
/// <param name="Parent">The request's <c>parent</c> (or <c>name</c> for history lists).</param>
/// <param name="Filter">The request's <c>filter</c>, as sent.</param>
/// <param name="OrderBy">The request's <c>order_by</c>, as sent.</param>
/// <param name="ShowDeleted">The request's <c>show_deleted</c>.</param>
/// <param name="Query">The request's <c>query</c> (ListDirectives), or any other parameter the results depend on, such as ListVacancies' <c>as_of_date</c>.</param>
internal sealed record ListParameters(string Method, string Parent, string Filter, string OrderBy, bool ShowDeleted = false, string Query = "")
{
    public const int HashLength = 16;

    /// <summary>A SHA-256 prefix of the parameters, each length-prefixed so that no two sets encode alike.</summary>
    public byte[] Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Method);
        Append(hash, Parent);
        Append(hash, Filter);
        Append(hash, OrderBy);
        Append(hash, ShowDeleted ? "1" : "0");
        Append(hash, Query);
        return hash.GetHashAndReset()[..HashLength];
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value ?? "");
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
