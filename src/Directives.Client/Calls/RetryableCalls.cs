using Google.Protobuf;

namespace Directives.Client.Calls;

/// <summary>Which calls may be sent again after UNAVAILABLE: those whose repetition changes nothing.</summary>
internal static class RetryableCalls
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Summarize"];

    public static bool IsRetryable<TRequest>(string methodName, TRequest request)
        => IsRead(methodName) || CarriesRequestId(request);

    /// <summary>Reads by the API's naming (AIP-131, 132, and the ministry's summaries).</summary>
    public static bool IsRead(string methodName)
    {
        foreach (var prefix in ReadPrefixes)
        {
            if (methodName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Create (or other write) that names itself with a <c>request_id</c>: the server deduplicates it.</summary>
    public static bool CarriesRequestId<TRequest>(TRequest request)
        => request is IMessage message
           && message.Descriptor.FindFieldByName("request_id") is { } field
           && field.FieldType == Google.Protobuf.Reflection.FieldType.String
           && !field.IsRepeated
           && field.Accessor.GetValue(message) is string { Length: > 0 };
}
