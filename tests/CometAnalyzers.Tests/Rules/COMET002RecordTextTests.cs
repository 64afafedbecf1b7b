using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 and objects logged whole: a record's compiler-written ToString prints its public members.</summary>
    public class COMET002RecordTextTests
    {
        private const string Records = """
            public record CometOptions(string BaseUrl, string ApiKey);
            public sealed record AppSettings(string Name, CometOptions Comet);
            public record Credentials
            {
                public string User { get; init; } = "";
                public string AccessToken { get; init; } = "";
            }
            public record struct SigningSettings(string KeyId, string PrivateKey);
            public record AuthState(AuthenticationHeaderValue Header);
            """;

        [Fact]
        public Task A_record_with_a_secret_member_leaks_when_logged_whole()
            => Test("""
                class C
                {
                    void M(ILogger logger, CometOptions options, AppSettings settings, Credentials credentials, SigningSettings signing, AuthState auth)
                    {
                        logger.LogInformation("Options {Options}", {|COMET012:options|});
                        logger.LogInformation({|COMET012:$"Options {options}"|});
                        logger.LogInformation({|COMET012:"Options " + options.ToString()|});
                        logger.LogInformation("Settings {Settings}", {|COMET012:settings|});
                        logger.LogInformation("Login {Credentials}", {|COMET012:credentials|});
                        logger.LogInformation("Signing {Signing}", {|COMET012:signing|});
                        logger.LogInformation("Auth {Auth}", [|auth|]);
                        Console.WriteLine({|COMET012:options|});
                    }
                }
                """ + Records).RunAsync();

        [Fact]
        public Task A_secret_name_two_records_deep_is_not_judged_by_name_but_a_secret_type_is()
            => Test("""
                public record WebhookTransport(string Method, string Callback, string Secret);
                public record WebhookSubscription(string Id, WebhookTransport Transport);
                public record WebhookEvent(string Type, WebhookSubscription Subscription);
                public record SignedTransport(AuthenticationHeaderValue Header);
                public record SignedSubscription(string Id, SignedTransport Transport);
                public record SignedEvent(string Type, SignedSubscription Subscription);

                class C
                {
                    void M(ILogger logger, WebhookEvent received, WebhookSubscription subscription, SignedEvent signed)
                    {
                        logger.LogInformation("Received {Event}", received);
                        logger.LogInformation("Subscription {Subscription}", {|COMET012:subscription|});
                        logger.LogInformation("Signed {Event}", [|signed|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_record_reached_through_a_local_or_IOptions_Value_leaks()
            => Test("""
                public interface IOptionsLike<out T> { T Value { get; } }

                class C
                {
                    void M(ILogger logger, IConfiguration configuration, IOptionsLike<CometOptions> monitor)
                    {
                        var options = new CometOptions(configuration["CometApi:BaseUrl"]!, configuration["CometApi:ApiKey"]!);
                        logger.LogDebug("Using {Options}", {|COMET012:options|});
                        logger.LogDebug("Using {Options}", {|COMET012:monitor.Value|});
                    }
                }
                """ + Records).RunAsync();

        [Fact]
        public Task A_record_without_secret_members_or_with_its_own_text_does_not_leak()
            => Test("""
                public record ChatTurn(string Role, string Content, int PromptTokens, int CompletionTokens);
                public record Usage(int TotalTokens, TimeSpan Elapsed);
                public record StreamChunk(string Token, int Index);
                public record HiddenKey(string BaseUrl)
                {
                    private string ApiKey { get; init; } = "";
                    internal string Secret = "";
                    public static string Password = "";
                }
                public record OwnText(string ApiKey)
                {
                    public override string ToString() => "OwnText { ApiKey = *** }";
                }
                public record OwnMembers(string BaseUrl, string ApiKey)
                {
                    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
                    {
                        builder.Append("BaseUrl = ").Append(BaseUrl);
                        return true;
                    }
                }
                public class PlainOptions
                {
                    public string ApiKey { get; set; } = "";
                }
                public record KeyNames(string ApiKeyHeaderName, string SecretConfigKey, int ApiKeyLength);

                class C
                {
                    void M(ILogger logger, ChatTurn turn, Usage usage, StreamChunk chunk, HiddenKey hidden, OwnText own, OwnMembers members, PlainOptions plain, KeyNames keyNames)
                    {
                        logger.LogInformation("Turn {Turn}", turn);
                        logger.LogInformation("Usage {Usage}", usage);
                        logger.LogInformation("Chunk {Chunk}", chunk);
                        logger.LogInformation("Hidden {Hidden}", hidden);
                        logger.LogInformation("Own {Own}", own);
                        logger.LogInformation($"Own {own}");
                        logger.LogInformation("Members {Members}", members);
                        logger.LogInformation("Plain {Plain}", plain);
                        logger.LogInformation("Names {Names}", keyNames);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_derived_record_prints_its_base_records_members()
            => Test("""
                public abstract record ClientSettings(string BaseUrl, string ApiKey);
                public sealed record CometSettings(string BaseUrl, string ApiKey, string Model) : ClientSettings(BaseUrl, ApiKey);
                public record Masked(string BaseUrl, string ApiKey)
                {
                    public sealed override string ToString() => "Masked";
                }
                public sealed record MaskedChild(string BaseUrl, string ApiKey, string Model) : Masked(BaseUrl, ApiKey);

                class C
                {
                    void M(ILogger logger, CometSettings settings, MaskedChild child)
                    {
                        logger.LogInformation("Settings {Settings}", {|COMET012:settings|});
                        logger.LogInformation("Child {Child}", child);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_record_from_a_referenced_assembly_is_judged_by_its_compiler_written_members()
            => Test("""
                class C
                {
                    void M(ILogger logger, Vendor.VendorOptions options, Vendor.VendorMasked masked)
                    {
                        logger.LogInformation("Options {Options}", {|COMET012:options|});
                        logger.LogInformation("Masked {Masked}", masked);
                    }
                }
                """)
                .WithReferencedAssembly("""
                    namespace Vendor
                    {
                        public record VendorOptions(string Endpoint, string ApiKey);
                        public record VendorMasked(string Endpoint, string ApiKey)
                        {
                            public override string ToString() => "VendorMasked";
                        }
                    }
                    """)
                .RunAsync();

        [Fact]
        public async Task The_message_names_the_printed_member()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, AppSettings settings) => logger.LogInformation("Settings {Settings}", settings);
                }
                """ + Records).GetDiagnosticsAsync();

            Assert.Equal(
                "'settings' (a record that prints its Comet.ApiKey property) is written to a log through LogInformation; log a redacted value or omit it",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }
    }
}
