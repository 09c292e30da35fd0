using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Protocol;

namespace Grpc.Net.Client;

/// <summary>Reads a call's outcome from the response: headers checks, status, metadata.</summary>
internal static class GrpcResponse
{
    /// <summary>
    /// The call's final status when the response headers already decide it, or null when messages and
    /// trailers follow. In the order the protocol documents ask for: a <c>grpc-status</c> in the headers
    /// (Trailers-Only) is always used, whatever the HTTP status; otherwise a non-200 HTTP status maps through
    /// the HTTP-to-gRPC table; otherwise a content-type that is not gRPC means the peer is not a gRPC server,
    /// which the same table gives as UNKNOWN for status 200.
    /// </summary>
    public static Status? ValidateHeaders(HttpResponseMessage response, out bool trailersOnly)
    {
        trailersOnly = TryGetStatus(response.Headers, out var status);
        if (trailersOnly)
        {
            return status;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(HttpStatusMapping.ToStatusCode(response.StatusCode), "Bad gRPC response. HTTP status code: " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        if (response.Version.Major != 2)
        {
            return new Status(StatusCode.Internal, "Bad gRPC response. Response protocol downgraded to HTTP/" + response.Version.ToString(2) + ".");
        }

        var contentType = GetValue(response.Content.Headers, GrpcProtocolConstants.ContentTypeHeader);
        if (!GrpcProtocolConstants.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Unknown, "Bad gRPC response. Invalid content-type value: " + (contentType ?? "(none)"));
        }

        return null;
    }

    /// <summary>
    /// The status in the trailers. Trailers without <c>grpc-status</c> are UNKNOWN (the HTTP-to-gRPC table's
    /// row for 200: "there should be a grpc-status in case of truly OK response"); a body that ends with no
    /// trailers at all is a broken stream, INTERNAL, as grpc-go and grpc-java report it.
    /// </summary>
    public static Status GetStatusFromTrailers(HttpResponseMessage response)
    {
        var trailers = response.TrailingHeaders;
        if (TryGetStatus(trailers, out var status))
        {
            return status;
        }

        return trailers.NonValidated.Count == 0
            ? new Status(StatusCode.Internal, "The server closed the stream without sending trailers.")
            : new Status(StatusCode.Unknown, "No grpc-status found on response.");
    }

    /// <summary>Reads <c>grpc-status</c> and the percent-decoded <c>grpc-message</c>.</summary>
    public static bool TryGetStatus(HttpHeaders headers, out Status status)
    {
        var code = GetValue(headers, GrpcProtocolConstants.StatusTrailer);
        if (code is null)
        {
            status = default;
            return false;
        }

        var message = GetValue(headers, GrpcProtocolConstants.MessageTrailer);
        var detail = message is null ? "" : PercentEncoding.Decode(message);
        status = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new Status((StatusCode)value, detail)
            : new Status(StatusCode.Unknown, "Unexpected grpc-status value: " + code + (detail.Length == 0 ? "" : ". " + detail));
        return true;
    }

    /// <summary>Custom metadata from received headers or trailers: reserved names left out, -bin values decoded.</summary>
    public static Metadata BuildMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                MetadataHeaders.AddReceived(metadata, header.Key, value);
            }
        }

        return metadata;
    }

    /// <summary>A header's value without parsing (and without allocating, when it has a single value).</summary>
    public static string? GetValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
