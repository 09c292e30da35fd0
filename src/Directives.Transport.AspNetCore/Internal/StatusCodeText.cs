using System.Globalization;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The <c>grpc-status</c> values as cached strings, so ending a call allocates none.</summary>
internal static class StatusCodeText
{
    private static readonly string[] Texts = CreateTexts();

    public static string Get(StatusCode code) => (uint)code < (uint)Texts.Length
        ? Texts[(int)code]
        : ((int)code).ToString(CultureInfo.InvariantCulture);

    private static string[] CreateTexts()
    {
        var texts = new string[(int)StatusCode.Unauthenticated + 1];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
