using System.Globalization;
using System.Text;
using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>Every demo text is NFC, with its tone and vowel marks as written.</summary>
public sealed class VietnameseTextTests
{
    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryTextIsPrecomposedWithoutLostCharacters(string provinceId)
    {
        var texts = Texts(DemoDataSets.Of(provinceId)).ToArray();

        Assert.True(texts.Length > 100);
        Assert.All(texts, item =>
        {
            Assert.True(item.Text.IsNormalized(NormalizationForm.FormC), $"{item.Where} is not NFC");
            Assert.DoesNotContain('\uFFFD', item.Text);
            Assert.DoesNotContain(item.Text, c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
        });
    }

    [Fact]
    public void NamesKeepTheirMarks()
    {
        var hungYen = DemoDataSets.Of("hung-yen");
        var tienGiang = DemoDataSets.Of("tien-giang");

        Assert.Equal("Hưng Yên", hungYen.ProvinceName);
        Assert.Contains(hungYen.Agencies, a => a.Value.Name == "Ủy ban nhân dân huyện Văn Lâm" && a.Id == "ubnd-huyen-van-lam");
        Assert.Contains(tienGiang.Agencies, a => a.Value.Name == "Ủy ban nhân dân huyện Gò Công Đông" && a.Id == "ubnd-huyen-go-cong-dong");
        Assert.Contains(tienGiang.Agencies, a => a.Value.Names[0].Name == "Sở Lao động – Thương binh và Xã hội");
        Assert.Equal("Ban Chỉ đạo 138 tỉnh Tiền Giang", tienGiang.Committees[0].Value.Name);
        Assert.Equal("Nguyễn Văn Vinh", tienGiang.Directives[0].Value.Signer!.FullName);
    }

    [Fact]
    public void InventedDirectivesSayTheyAreInvented()
    {
        var invented = DemoDataSets.All
            .Where(d => d.ProvinceId is "nam-dinh" or "hai-duong")
            .SelectMany(d => d.Directives);

        Assert.All(invented, d => Assert.StartsWith(DirectiveBuilder.IllustrativeNotice, d.Value.Body, StringComparison.Ordinal));
        Assert.All(DemoDataSets.All.SelectMany(d => d.Tasks).SelectMany(t => t.Value.Reports), r => Assert.StartsWith(TaskBuilder.IllustrativeReportPrefix, r.Text, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Where, string Text)> Texts(DemoDataSet data)
    {
        yield return ("province", data.ProvinceName);
        foreach (var agency in data.Agencies)
        {
            foreach (var name in agency.Value.Names)
            {
                yield return (agency.Name, name.Name);
            }
        }

        foreach (var (_, name, directive) in data.Directives)
        {
            yield return (name, directive.IssuingBody);
            yield return (name, directive.Subject);
            yield return (name, directive.Body);
            yield return (name, directive.Place ?? "");
            yield return (name, directive.Signer?.FullName ?? "");
            yield return (name, directive.Signer?.Title ?? "");
            yield return (name, directive.Signer?.OnBehalfOf ?? "");
            foreach (var text in directive.Recipients.Concat(directive.LegalBases.Select(b => b.Description ?? "")).Concat(directive.LegalBases.Select(b => b.NumberAndSymbol)))
            {
                yield return (name, text);
            }
        }

        foreach (var (_, name, task) in data.Tasks)
        {
            yield return (name, task.Title);
            yield return (name, task.Content);
            foreach (var text in task.Targets.Select(t => t.Metric).Concat(task.Targets.Select(t => t.Unit)))
            {
                yield return (name, text);
            }

            foreach (var report in task.Reports)
            {
                yield return (name, report.Text);
                yield return (name, report.SubmittedBy);
            }

            foreach (var extension in task.Extensions)
            {
                yield return (name, extension.Reason);
                yield return (name, extension.ApprovedBy);
            }
        }

        foreach (var (_, name, committee) in data.Committees)
        {
            yield return (name, committee.Name);
            yield return (name, committee.AreaName);
            foreach (var member in committee.Compositions.SelectMany(c => c.Members))
            {
                yield return (name, member.PersonName);
                yield return (name, member.Title);
                yield return (name, member.EndReason ?? "");
                foreach (var area in member.ResponsibilityAreas)
                {
                    yield return (name, area);
                }
            }
        }
    }
}
