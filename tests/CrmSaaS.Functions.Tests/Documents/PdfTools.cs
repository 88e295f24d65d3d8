using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmSaaS.Functions.Tests.Documents;

/// <summary>
/// Runs the command-line PDF tools (qpdf from package qpdf; pdftotext, pdftoppm from poppler-utils) on generated
/// bytes. A missing tool fails the test: these checks are the proof that real readers accept our files.
/// </summary>
internal static partial class PdfTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs "qpdf --check" and returns its output; fails unless qpdf reports no errors and no warnings.</summary>
    public static string Check(byte[] pdf) => WithTempFile(pdf, path =>
    {
        var result = Run("qpdf", "--check", path);
        result.ExitCode.ShouldBe(0, $"qpdf --check found problems:\n{result.Output}\n{result.Error}");
        return result.Output;
    });

    /// <summary>Text of the given pages (all by default) as "pdftotext -layout" extracts it, pages separated by form feeds.</summary>
    public static string ExtractText(byte[] pdf, int? firstPage = null, int? lastPage = null) => WithTempFile(pdf, path =>
    {
        var arguments = new List<string> { "-layout", "-enc", "UTF-8" };
        if (firstPage is { } first)
            arguments.AddRange(["-f", first.ToString(CultureInfo.InvariantCulture)]);
        if (lastPage is { } last)
            arguments.AddRange(["-l", last.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange([path, "-"]);
        var result = Run("pdftotext", [.. arguments]);
        result.ExitCode.ShouldBe(0, $"pdftotext failed: {result.Error}");
        return result.Output;
    });

    /// <summary>Every word with its bounding box in points from the page's top-left corner ("pdftotext -bbox").</summary>
    public static IReadOnlyList<PdfWord> Words(byte[] pdf) => WithTempFile(pdf, path =>
    {
        var result = Run("pdftotext", "-bbox", "-enc", "UTF-8", path, "-");
        result.ExitCode.ShouldBe(0, $"pdftotext -bbox failed: {result.Error}");
        var words = new List<PdfWord>();
        var pageNumber = 0;
        foreach (var line in result.Output.Split('\n'))
        {
            if (line.Contains("<page ", StringComparison.Ordinal))
                pageNumber++;
            var match = WordPattern().Match(line);
            if (!match.Success)
                continue;
            words.Add(new PdfWord(
                pageNumber,
                System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value),
                double.Parse(match.Groups["xMin"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["yMin"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["xMax"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["yMax"].Value, CultureInfo.InvariantCulture)));
        }

        return words;
    });

    /// <summary>Number of pages as reported by qpdf.</summary>
    public static int PageCount(byte[] pdf) => WithTempFile(pdf, path =>
    {
        var result = Run("qpdf", "--show-npages", path);
        result.ExitCode.ShouldBe(0, $"qpdf --show-npages failed: {result.Error}");
        return int.Parse(result.Output.Trim(), CultureInfo.InvariantCulture);
    });

    /// <summary>"pdffonts" listing of the fonts the document uses.</summary>
    public static string Fonts(byte[] pdf) => WithTempFile(pdf, path =>
    {
        var result = Run("pdffonts", path);
        result.ExitCode.ShouldBe(0, $"pdffonts failed: {result.Error}");
        return result.Output;
    });

    public static ToolResult Run(string tool, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(MissingToolMessage(tool), exception);
        }

        if (process is null)
            throw new InvalidOperationException(MissingToolMessage(tool));

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds} s.");
            }

            return new ToolResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    private static string MissingToolMessage(string tool) =>
        $"'{tool}' could not be started. Install the Debian packages poppler-utils and qpdf " +
        "(sudo apt-get install -y poppler-utils qpdf); the repository's test script installs them.";

    public static T WithTempFile<T>(byte[] pdf, Func<string, T> use)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmsaas-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("""<word xMin="(?<xMin>[-0-9.]+)" yMin="(?<yMin>[-0-9.]+)" xMax="(?<xMax>[-0-9.]+)" yMax="(?<yMax>[-0-9.]+)">(?<text>.*)</word>""")]
    private static partial Regex WordPattern();
}

internal sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>A word found by pdftotext, in points from the top-left corner of its page (1-based).</summary>
internal sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax);
