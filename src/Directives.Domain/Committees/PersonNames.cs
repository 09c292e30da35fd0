using System.Text;

namespace Directives.Domain.Committees;

/// <summary>
/// Tells whether two entries name the same person: case and Unicode form do not matter, marks do
/// ("Nguyễn Văn Vinh" and "Nguyễn Văn Vĩnh" are different people).
/// </summary>
internal static class PersonNames
{
    public static bool Same(string a, string b)
        => string.Equals(a.Normalize(NormalizationForm.FormC), b.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);
}
