using System.Globalization;
using System.Text;
using CsCheck;
using NewsBot.Core.Text;
using NewsBot.Sources.Parsing;
using NewsBot.TestKit;

namespace NewsBot.Sources.Tests.Parsing;

/// <summary>
/// Mutates the real feed fixtures (byte flips, splices between fixtures, deep-nesting insertions,
/// duplicated fragments, truncation) and runs each result through the parser and the text stage on
/// a small stack. No exception but <see cref="FeedFormatException"/> may escape, and no input may
/// exceed its CPU budget. CI runs <see cref="DefaultIterations"/> cases; set NEWSBOT_FUZZ_ITERATIONS
/// for a long campaign (CsCheck prints the seed of a failure; CsCheck_Seed replays it).
/// </summary>
public class FeedFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int DefaultIterations = 300;

    /// <summary>A mutated fixture is at most a few MB; honest ones parse in milliseconds.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private static readonly byte[][] Fixtures = Directory
        .EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "feeds"), "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".py", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllBytes)
        .ToArray();

    private enum Mutation { FlipByte, Splice, NestDeep, Duplicate, Truncate, InsertMarkup }

    private static readonly string[] Markup = ["<", ">", "&", "]]>", "<![CDATA[", "<!--", "-->", "</item>", "<item>", "</entry>", "<entry>", "\"", "{", "}", "[", "]", ",", "\\u", "&amp;", "&#x0;", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>", "xmlns:a=\"\"", "<a:b>", "\u0000", "\uFFFE"];

    private static readonly Gen<(Mutation Kind, double At, double Length, int Count, int Other)> OneMutation =
        Gen.Select(Gen.Enum<Mutation>(), Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 25_000], Gen.Int[0, 1_000]);

    private static readonly Gen<(int Fixture, (Mutation Kind, double At, double Length, int Count, int Other)[] Mutations)> Cases =
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], OneMutation.Array[1, 6]);

    [Fact]
    public void Mutated_fixtures_never_escape_an_exception_nor_their_budget()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("NEWSBOT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultIterations;

        var parseCpu = TimeSpan.Zero;
        var bytes = 0L;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        Cases.Sample(c =>
        {
            var body = Mutate(Fixtures[c.Fixture], c.Mutations);
            var (_, cpu) = CostMeter.Run(() => ParseAndConvert(body));
            parseCpu += cpu;
            bytes += body.Length;
            Assert.True(cpu < Budget, $"{cpu.TotalSeconds:F1} s of CPU for a {body.Length:N0}-byte input");
        }, iter: iterations, threads: 1, print: c => $"fixture {c.Fixture}, mutations {string.Join(", ", c.Mutations)}");
        output.WriteLine($"{iterations} cases, {bytes:N0} bytes, parse and text CPU {parseCpu.TotalSeconds:F1} s, wall {wall.Elapsed.TotalSeconds:F1} s");
    }

    private static int ParseAndConvert(byte[] body)
    {
        try
        {
            var feed = FeedParser.Parse(body, new Uri("https://example.com/feed.xml"), null);
            foreach (var item in feed.Items) HtmlToText.Convert(item.SummaryHtml ?? item.ContentHtml);
            return feed.Items.Count;
        }
        catch (FeedFormatException)
        {
            return 0;
        }
    }

    private static byte[] Mutate(byte[] fixture, (Mutation Kind, double At, double Length, int Count, int Other)[] mutations)
    {
        var body = new List<byte>(fixture);
        foreach (var (kind, at, length, count, other) in mutations)
        {
            var position = (int)(at * body.Count);
            switch (kind)
            {
                case Mutation.FlipByte when body.Count > 0:
                    var index = Math.Min(position, body.Count - 1);
                    body[index] = (byte)(body[index] ^ (1 << (other % 8)));
                    break;
                case Mutation.Splice:
                    var source = Fixtures[other % Fixtures.Length];
                    var from = (int)(length * source.Length);
                    body.InsertRange(position, source.Skip(from).Take(count % 2_000).ToArray()); // an array: List inserts any other sequence one element at a time
                    break;
                case Mutation.NestDeep:
                    var tag = other % 3 == 0 ? "div" : other % 3 == 1 ? "b" : "x:y";
                    var closed = other % 2 == 0;
                    var nest = new StringBuilder();
                    for (var i = 0; i < count; i++) nest.Append('<').Append(tag).Append('>');
                    nest.Append("deep");
                    if (closed) for (var i = 0; i < count; i++) nest.Append("</").Append(tag).Append('>');
                    body.InsertRange(position, Encoding.UTF8.GetBytes(nest.ToString()));
                    break;
                case Mutation.Duplicate:
                    var fragment = body.Skip(position).Take(1 + (int)(length * 500)).ToArray();
                    body.InsertRange(position, Enumerable.Repeat(fragment, Math.Min(count, 300)).SelectMany(f => f).ToArray());
                    break;
                case Mutation.Truncate:
                    body.RemoveRange(position, body.Count - position);
                    break;
                case Mutation.InsertMarkup:
                    body.InsertRange(position, Encoding.UTF8.GetBytes(Markup[other % Markup.Length]));
                    break;
            }
        }
        return body.ToArray();
    }
}
