using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// A request turned into text with its headers on request (<c>IncludeHeaders = true</c>) holds its Authorization
    /// header: COMET012, since only names say so. Other headers (a table's, a response's) and other flags are not.
    /// </summary>
    public class COMET012RequestWithHeadersTests
    {
        private const string Requests = """
            public sealed class WireRequestText
            {
                public string Url { get; set; } = "";
                public override string ToString() => Url;
            }
            public sealed class WireRequestOptions
            {
                public bool IncludeHeaders { get; set; }
                public bool IncludeResponseHeaders { get; set; }
                public bool Indented { get; set; }
            }
            public sealed class Conversation
            {
                public WireRequestText Serialize(WireRequestOptions? options = null) => new();
                public string DescribeRequest(bool includeHeaders = false) => "";
            }

            """;

        [Fact]
        public Task A_request_serialized_with_its_headers_is_COMET012()
            => Test(Requests + """
                class C
                {
                    void M(Conversation conversation, ILogger logger)
                    {
                        WireRequestText outbound = conversation.Serialize(new WireRequestOptions { IncludeHeaders = true, Indented = true });
                        Console.WriteLine({|COMET012:outbound|});
                        logger.LogDebug("{Request}", {|COMET012:conversation.DescribeRequest(includeHeaders: true)|});

                        var options = new WireRequestOptions { IncludeHeaders = true };
                        Console.WriteLine({|COMET012:conversation.Serialize(options)|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Without_headers_or_with_other_headers_it_is_not_a_secret()
            => Test(Requests + """
                public sealed class TableOptions { public bool IncludeHeaders { get; set; } }
                public sealed class CsvExport { public string Write(TableOptions options) => ""; }
                public sealed class SilentText { }
                public sealed class Silent { public SilentText Serialize(WireRequestOptions options) => new(); }

                class C
                {
                    void M(Conversation conversation, CsvExport csv, Silent silent, bool flag)
                    {
                        Console.WriteLine(conversation.Serialize(new WireRequestOptions { Indented = true }));
                        Console.WriteLine(conversation.Serialize(new WireRequestOptions { IncludeHeaders = false }));
                        Console.WriteLine(conversation.Serialize(new WireRequestOptions { IncludeResponseHeaders = true }));
                        Console.WriteLine(conversation.Serialize(new WireRequestOptions { IncludeHeaders = flag }));
                        Console.WriteLine(conversation.DescribeRequest());
                        Console.WriteLine(csv.Write(new TableOptions { IncludeHeaders = true }));
                        Console.WriteLine(silent.Serialize(new WireRequestOptions { IncludeHeaders = true }));
                    }
                }
                """).RunAsync();
    }
}
