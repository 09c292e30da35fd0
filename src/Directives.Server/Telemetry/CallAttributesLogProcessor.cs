using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Directives.Server.Telemetry;

/// <summary>
/// Gives a log record written during a call the call's province and agency, as attributes. A processor
/// rather than a logging scope, so records written outside the services' code (the error mapping, the
/// transport, ASP.NET Core's request log) carry them too. Runs on the logging thread, where
/// <see cref="Activity.Current"/> is the call's.
/// </summary>
internal sealed class CallAttributesLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (CallAttributes.Find(Activity.Current) is not { } call)
        {
            return;
        }

        var attributes = new List<KeyValuePair<string, object?>>((data.Attributes?.Count ?? 0) + 2);
        if (data.Attributes is not null)
        {
            attributes.AddRange(data.Attributes);
        }

        attributes.Add(new(TelemetryNames.Province, call.Province));
        if (call.Agency is not null)
        {
            attributes.Add(new(TelemetryNames.Agency, call.Agency));
        }

        data.Attributes = attributes;
    }
}
