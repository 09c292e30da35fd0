using System.Diagnostics;

namespace Directives.Server.Telemetry;

/// <summary>
/// The province and agency of the call an activity belongs to. Tenant resolution tags the call's server
/// span (<see cref="CallTelemetryInterceptor"/>); spans and log records made inside the call (database
/// commands, outgoing requests, the transport's own logs) find them on their nearest tagged ancestor.
/// </summary>
internal readonly record struct CallAttributes(string Province, string? Agency)
{
    // Server span → EF command → driver: a handful of levels; the bound only guards against a long chain.
    private const int MaxDepth = 16;

    public static CallAttributes? Find(Activity? activity)
    {
        for (var depth = 0; activity is not null && depth < MaxDepth; depth++, activity = activity.Parent)
        {
            if (activity.GetTagItem(TelemetryNames.Province) is string province)
            {
                return new CallAttributes(province, activity.GetTagItem(TelemetryNames.Agency) as string);
            }
        }

        return null;
    }

    public void ApplyTo(Activity activity)
    {
        activity.SetTag(TelemetryNames.Province, Province);
        if (Agency is not null)
        {
            activity.SetTag(TelemetryNames.Agency, Agency);
        }
    }
}
