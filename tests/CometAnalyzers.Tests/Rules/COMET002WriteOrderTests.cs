using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 and locals written more than once: only the writes that can reach the logged read count.</summary>
    public class COMET002WriteOrderTests
    {
        private const string Helpers = """

                    static string Redact(string? value) => "***";
                    static string Describe(string value) => value.Length.ToString();
                }
                """;

        [Fact]
        public Task A_secret_overwritten_before_the_read_is_not_logged()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration, HttpRequestMessage request, string[] names)
                    {
                        var value = configuration["CometApi:ApiKey"];
                        value = Redact(value);
                        logger.LogInformation("{Value}", value);

                        var header = request.Headers.Authorization?.Parameter;
                        header = "[hidden]";
                        logger.LogInformation("{Header}", header);

                        var text = configuration["CometApi:ApiKey"];
                        foreach (var name in names)
                        {
                            text = Describe(name);
                            logger.LogInformation("{Text}", text);
                        }

                        Action log = () =>
                        {
                            var inner = configuration["CometApi:ApiKey"];
                            inner = Redact(inner);
                            logger.LogInformation("{Inner}", inner);
                        };
                    }
                """ + Helpers).RunAsync();

        [Fact]
        public Task A_write_that_can_still_reach_the_read_is_logged()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration, bool debug, bool more)
                    {
                        var before = configuration["CometApi:ApiKey"];
                        logger.LogInformation("{Value}", {|COMET012:before|});
                        before = Redact(before);

                        var branch = Redact(null);
                        if (debug)
                        {
                            branch = configuration["CometApi:ApiKey"];
                        }

                        logger.LogInformation("{Value}", {|COMET012:branch|});

                        var maybe = configuration["CometApi:ApiKey"];
                        if (debug)
                        {
                            maybe = Redact(maybe);
                        }

                        logger.LogInformation("{Value}", {|COMET012:maybe|});

                        var next = "none";
                        while (more)
                        {
                            logger.LogInformation("{Value}", {|COMET012:next|});
                            next = configuration["CometApi:ApiKey"];
                        }

                        var kept = configuration["CometApi:ApiKey"];
                        kept = kept!.Trim();
                        logger.LogInformation("{Value}", {|COMET012:kept|});
                    }
                """ + Helpers).RunAsync();

        [Fact]
        public Task Writes_from_a_lambda_or_past_a_label_are_not_hidden_by_order()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration, bool skip)
                    {
                        var shown = "none";
                        Action reveal = () => shown = configuration["CometApi:ApiKey"];
                        shown = Redact(shown);
                        reveal();
                        logger.LogInformation("{Value}", {|COMET012:shown|});

                        var jumped = configuration["CometApi:ApiKey"];
                        if (skip)
                        {
                            goto write;
                        }

                        jumped = Redact(jumped);
                    write:
                        logger.LogInformation("{Value}", {|COMET012:jumped|});
                    }
                """ + Helpers).RunAsync();

        [Fact]
        public Task A_read_inside_a_lambda_is_not_hidden_by_an_outer_overwrite()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        var late = Redact(null);
                        Action log = () => logger.LogInformation("{Value}", {|COMET012:late|});
                        late = Redact(late);
                        late = configuration["CometApi:ApiKey"];
                        log();
                    }

                    void Loop(ILogger logger, IConfiguration configuration, bool more)
                    {
                        var value = "none";
                        Action? log = null;
                        while (more)
                        {
                            value = configuration["CometApi:ApiKey"];
                            log?.Invoke();
                            value = Redact(value);
                            log = () => logger.LogInformation("{Value}", {|COMET012:value|});
                        }
                    }
                """ + Helpers).RunAsync();
    }
}
