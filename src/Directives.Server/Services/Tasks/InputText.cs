using System.Text;

namespace Directives.Server.Services.Tasks;

/// <summary>Text from a request as the API stores it: Unicode NFC, so composed and decomposed Vietnamese are the same text.</summary>
internal static class InputText
{
    public static string Nfc(string? text) => string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormC);
}
