using System.Diagnostics;
using OpenTelemetry;

namespace Directives.Server.Telemetry;

/// <summary>Gives a span started inside a call (a database command, an outgoing request) the call's province and agency.</summary>
internal sealed class CallAttributesSpanProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.IsAllDataRequested && data.GetTagItem(TelemetryNames.Province) is null && CallAttributes.Find(data.Parent) is { } call)
        {
            call.ApplyTo(data);
        }
    }
}
