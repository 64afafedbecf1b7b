using System.Linq;
using System.Threading;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Contract.Overlays;
using Xunit;

namespace CometAnalyzers.Tests.Contract
{
    /// <summary>The JSONPath subset overlay targets are written in: what each form selects, and where an unsupported one fails.</summary>
    public class JsonPathTests
    {
        private const string Tree = """
            {
              "shelf": {
                "books": [
                  { "title": "Tides", "pages": 120, "tags": ["sea", "moon"] },
                  { "title": "Dunes", "pages": 310, "tags": ["sand"], "out-of-print": true },
                  { "title": "Glaciers", "pages": 95 }
                ],
                "it's": { "pages": 1 }
              },
              "tags": ["sea", "sky"]
            }
            """;

        private static string[] Select(string path)
        {
            JsonNode root = JsonTextParser.Parse(Tree, out _, out _)!;
            JsonPath parsed = JsonPath.Parse(path, out JsonPathError? error) ?? throw new Xunit.Sdk.XunitException("not parsed: " + error!.Message);
            return parsed.Select(root, CancellationToken.None)!.Select(m => m.Location.ToString()).ToArray();
        }

        [Theory]
        [InlineData("$", "$")]
        [InlineData("$.shelf.books[0].title", "$['shelf']['books'][0]['title']")]
        [InlineData("$['shelf'][\"books\"][-1]", "$['shelf']['books'][2]")]
        [InlineData("$.shelf['it\\'s'].pages", "$['shelf']['it\\'s']['pages']")]
        [InlineData("$.shelf.books[*].pages", "$['shelf']['books'][0]['pages'] $['shelf']['books'][1]['pages'] $['shelf']['books'][2]['pages']")]
        [InlineData("$.shelf.books.*.title", "$['shelf']['books'][0]['title'] $['shelf']['books'][1]['title'] $['shelf']['books'][2]['title']")]
        [InlineData("$.shelf.books[2,0]", "$['shelf']['books'][2] $['shelf']['books'][0]")]
        [InlineData("$..tags", "$['tags'] $['shelf']['books'][0]['tags'] $['shelf']['books'][1]['tags']")]
        [InlineData("$..tags[?(@ == 'sea')]", "$['tags'][0] $['shelf']['books'][0]['tags'][0]")]
        [InlineData("$.tags[?@ != \"sea\"]", "$['tags'][1]")]
        [InlineData("$.shelf.books[?(@.pages > 100 && @.pages <= 310)].title", "$['shelf']['books'][0]['title'] $['shelf']['books'][1]['title']")]
        [InlineData("$.shelf.books[?@.pages < 100 || @.title == 'Tides'].title", "$['shelf']['books'][0]['title'] $['shelf']['books'][2]['title']")]
        [InlineData("$.shelf.books[?(!@.tags)].title", "$['shelf']['books'][2]['title']")]
        [InlineData("$.shelf.books[?@.out-of-print == true].title", "$['shelf']['books'][1]['title']")]
        [InlineData("$.shelf.books[?(@.tags[?(@ == 'moon')])].title", "$['shelf']['books'][0]['title']")]
        [InlineData("$.shelf.books[?(@.tags == $.tags)]", "")]
        [InlineData("$.shelf.books[?(@.pages >= 310.0)].title", "$['shelf']['books'][1]['title']")]
        [InlineData("$.shelf.books[?(@.missing == null)]", "")]
        [InlineData("$.nowhere.at.all", "")]
        [InlineData("$.shelf.books[7]", "")]
        public void A_query_selects_the_nodes_RFC_9535_selects(string path, string expected)
            => Assert.Equal(expected.Length == 0 ? System.Array.Empty<string>() : expected.Split(' '), Select(path));

        [Theory]
        [InlineData("shelf", 0, "a JSONPath starts with '$'")]
        [InlineData("$.shelf.books[1:2]", 15, "array slices")]
        [InlineData("$.shelf.books[:2]", 14, "array slices")]
        [InlineData("$.shelf.books[?(length(@.tags) > 1)]", 16, "function extensions (length()) are not supported")]
        [InlineData("$.shelf.books[?(@.pages > )]", 26, "unexpected ')'")]
        [InlineData("$.shelf.books[?(@.pages > ", 25, "the filter ends too early")]
        [InlineData("$.shelf.books[?(@.pages > 1]", 27, "expected ')'")]
        [InlineData("$.shelf.books[?(@.tags[*] == 'sea')]", 16, "a comparison needs a single value")]
        [InlineData("$.shelf.books[?('sea')]", 16, "a literal alone is not a test")]
        [InlineData("$.shelf[books]", 8, "a selector is a quoted name")]
        [InlineData("$.shelf['books'", 7, "'[' is not closed")]
        [InlineData("$.shelf['books", 8, "not closed by '")]
        [InlineData("$.shelf.", 7, "'.' must be followed")]
        [InlineData("$...books", 3, "'...' is not a segment")]
        [InlineData("$.shelf/books", 7, "unexpected '/'")]
        [InlineData("$.shelf['a\\qb']", 10, "'\\q' is not an escape sequence")]
        [InlineData("$.shelf.books[?(@.pages == 1e)]", 27, "'1e' is not a number")]
        [InlineData("$.shelf.books[?(@.pages == seven)]", 27, "'seven' is not a value")]
        public void An_unsupported_or_broken_query_fails_at_its_place(string path, int index, string message)
        {
            Assert.Null(JsonPath.Parse(path, out JsonPathError? error));
            Assert.NotNull(error);
            Assert.Contains(message, error!.Message, System.StringComparison.Ordinal);
            Assert.Equal(index, error.Index);
        }

        [Fact]
        public void Deep_nesting_fails_instead_of_exhausting_the_stack()
        {
            string path = "$[?" + new string('(', 5000) + "@" + new string(')', 5000) + "]";
            Assert.Null(JsonPath.Parse(path, out JsonPathError? error));
            Assert.Contains("nested more than", error!.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_query_that_visits_too_many_nodes_stops_instead_of_running_on()
        {
            JsonNode root = JsonTextParser.Parse(Tree, out _, out _)!;
            JsonPath path = JsonPath.Parse("$..*[?(@..title)]", out _)!;
            Assert.Null(path.Select(root, CancellationToken.None, visitBudget: 50));
            Assert.NotNull(path.Select(root, CancellationToken.None));
        }
    }
}
