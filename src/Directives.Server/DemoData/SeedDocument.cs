using System.Text;
using System.Text.RegularExpressions;

namespace Directives.Server.DemoData;

/// <summary>
/// One of the provinces' real documents from ../shared/seeds, embedded in this assembly at build time
/// (see the EmbeddedResource item in Directives.Server.csproj). A build without ../shared embeds
/// nothing; the document then has no text, and the demo directives built from it are seeded with
/// their structured fields only (number, signer, tasks, agencies, targets) and an empty body and task
/// contents, so the server still starts. <see cref="DemoDataSet.MissingSeedDocuments"/> names them.
/// </summary>
internal sealed partial class SeedDocument
{
    private const string ResourcePrefix = "Directives.Server.DemoData.Seeds.";

    private SeedDocument(string fileName, string? text)
    {
        FileName = fileName;
        Text = text;
    }

    /// <summary>The seed's file name, e.g. "tien-giang-2022-chi-thi-15-CT-UBND.txt".</summary>
    public string FileName { get; }

    /// <summary>The document's full text in NFC, or null when the build did not embed it.</summary>
    public string? Text { get; }

    public bool IsEmbedded => Text is not null;

    /// <summary>The directive's body: the whole document, verbatim; empty when not embedded.</summary>
    public string Body => Text ?? "";

    public static SeedDocument Load(string fileName)
    {
        using var stream = typeof(SeedDocument).Assembly.GetManifestResourceStream(ResourcePrefix + fileName);
        if (stream is null)
        {
            return new SeedDocument(fileName, null);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);

        // The seeds are NFC already; normalizing keeps that promise if one is ever replaced.
        return new SeedDocument(fileName, reader.ReadToEnd().Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// The text of consecutive tasks: each runs from its anchor (the words that open it in the
    /// document, searched after the previous anchor) to the next anchor, the last one to
    /// <paramref name="endAnchor"/>. Each is cleaned by <see cref="TaskContent"/>. All empty when the
    /// document is not embedded.
    /// </summary>
    /// <exception cref="InvalidOperationException">An anchor is not in the document: the demo data is wrong.</exception>
    public IReadOnlyList<string> TaskContents(IReadOnlyList<string> anchors, string endAnchor)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (Text is null)
        {
            return anchors.Select(_ => "").ToArray();
        }

        var starts = new int[anchors.Count + 1];
        var from = 0;
        for (var i = 0; i <= anchors.Count; i++)
        {
            var anchor = i < anchors.Count ? anchors[i] : endAnchor;
            var found = Text.IndexOf(anchor, from, StringComparison.Ordinal);
            if (found < 0)
            {
                throw new InvalidOperationException($"'{anchor}' does not occur in {FileName} after position {from}.");
            }

            starts[i] = found;
            from = found + anchor.Length;
        }

        return anchors.Select((_, i) => TaskContent(Text[starts[i]..starts[i + 1]])).ToArray();
    }

    /// <summary>
    /// A task's words as the document prints them, without what the plain-text transcription added:
    /// the task's own number (kept in its own field), Markdown emphasis and headings, and the blank
    /// lines a page break left inside a sentence (a paragraph that goes on in lower case).
    /// </summary>
    internal static string TaskContent(string section)
    {
        var text = section.Replace("**", "", StringComparison.Ordinal);
        text = LeadingNumber().Replace(text, "", 1);
        text = PageBreakInSentence().Replace(text, " ");
        return text.Trim();
    }

    // "### 3. ", "3.1. ", "1- ", "4. " at the start of a task.
    [GeneratedRegex(@"\A[\s#]*\d+(\.\d+)*\s*[.\-–]?\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"[ \t]*\n\s*\n\s*(?=\p{Ll})")]
    private static partial Regex PageBreakInSentence();
}
