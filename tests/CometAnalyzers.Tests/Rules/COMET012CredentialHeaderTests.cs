using System.Threading.Tasks;
using CometAnalyzers.Rules.Secrets;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Header values read by a name that says credential (a token, key, secret, signature, auth): COMET012, a guess from
    /// the name. The contract's header and the standard credential headers stay COMET002. ASP.NET Core's header
    /// dictionary counts as much as HttpClient's headers.
    /// </summary>
    public class COMET012CredentialHeaderTests
    {
        private const string AspNetUsings = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Primitives;

            """;

        [Fact]
        public Task A_custom_credential_header_read_in_ASP_NET_Core_is_COMET012()
            => Test(AspNetUsings + """
                class Hooks
                {
                    private const string HookHeader = "X-Acme-Hooktoken";

                    void Receive(HttpRequest request, HttpContext context, ILogger logger)
                    {
                        var token = request.Headers[HookHeader];
                        logger.LogInformation("Hook with token {Token}", {|COMET012:token|});
                        logger.LogInformation("Secret {Secret}", {|COMET012:context.Request.Headers["X-My-Secret"]|});
                        if (request.Headers.TryGetValue("X-Signature-256", out StringValues signature))
                        {
                            Console.WriteLine({|COMET012:$"signature {signature}"|});
                        }

                        logger.LogDebug("Cookie {Cookie}", {|COMET012:request.Headers.Cookie|});
                    }
                }
                """).WithLibrary(TestReferences.AspNetCore).RunAsync();

        [Fact]
        public Task The_standard_auth_headers_read_in_ASP_NET_Core_are_COMET002()
            => Test(AspNetUsings + """
                class Gate
                {
                    void Check(HttpRequest request, ILogger logger)
                    {
                        logger.LogDebug("Auth {Auth}", {|COMET002:request.Headers["Authorization"]|});
                        logger.LogDebug("Auth {Auth}", {|COMET002:request.Headers.Authorization|});
                        logger.LogDebug("Auth {Auth}", {|COMET002:request.Headers.Authorization.ToString()|});
                        logger.LogDebug("Proxy {Auth}", {|COMET002:request.Headers.ProxyAuthorization|});
                        logger.LogDebug("Key {Key}", {|COMET002:request.Headers["x-api-key"]|});
                        logger.LogDebug("Contract {Auth}", {|COMET002:request.Headers["X-Comet-Auth"]|});
                    }
                }
                """).WithContract(AuthContract).WithLibrary(TestReferences.AspNetCore).RunAsync();

        [Fact]
        public Task Other_headers_read_in_ASP_NET_Core_are_not_secrets()
            => Test(AspNetUsings + """
                class Gate
                {
                    void Check(HttpRequest request, ILogger logger)
                    {
                        logger.LogDebug("Id {Id}", request.Headers["X-Request-Id"]);
                        logger.LogDebug("Key {Key}", request.Headers["Idempotency-Key"]);
                        logger.LogDebug("Next {Next}", request.Headers["X-Continuation-Token"]);
                        logger.LogDebug("Agent {Agent}", request.Headers.UserAgent);
                        logger.LogDebug("Type {Type}", request.Headers.ContentType);
                        logger.LogDebug("Scheme {Scheme}", request.Headers["X-Auth-Scheme"]);
                        logger.LogDebug("Count {Count}", request.Headers.Count);
                    }
                }
                """).WithLibrary(TestReferences.AspNetCore).RunAsync();

        [Fact]
        public Task A_credential_header_echoed_in_a_response_is_COMET012()
            => Test("""
                class Tester
                {
                    async Task Check(HttpClient client, HttpRequestMessage message, ILogger logger)
                    {
                        var response = await client.SendAsync(message);
                        var received = response.Headers.TryGetValues("X-Acme-Whtoken", out var values) ? values.FirstOrDefault() : null;
                        logger.LogInformation("Token in header was {Received}", {|COMET012:received|});
                        logger.LogInformation("Hook {Hook}", {|COMET012:message.Headers.NonValidated["X-Hub-Signature"]|});
                        logger.LogInformation("Id {Id}", response.Headers.GetValues("X-Request-Id").FirstOrDefault());
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_glued_credential_word_outside_a_header_collection_is_not_a_header()
            => Test("""
                class Settings
                {
                    void Show(Dictionary<string, string> settings, ILogger logger)
                    {
                        logger.LogInformation("{V}", settings["X-Acme-Whtoken"]);
                    }
                }
                """).RunAsync();

        [Theory]
        [InlineData("X-Hook-Token")]
        [InlineData("X-eshop-whtoken")]
        [InlineData("X-Amz-Security-Token")]
        [InlineData("Ocp-Apim-Subscription-Key")]
        [InlineData("X-Goog-Api-Key")]
        [InlineData("X-Functions-Key")]
        [InlineData("X-Hub-Signature-256")]
        [InlineData("X-My-Secret")]
        [InlineData("X-Auth")]
        [InlineData("X-Authorization")]
        [InlineData("X-Admin-Password")]
        [InlineData("Cookie")]
        [InlineData("Set-Cookie")]
        public void Header_names_that_say_credential(string header)
            => Assert.True(CredentialHeaderNames.SaysCredential(header), header);

        [Theory]
        [InlineData("X-Request-Id")]
        [InlineData("Idempotency-Key")]
        [InlineData("X-Cache-Key")]
        [InlineData("X-Continuation-Token")]
        [InlineData("X-Auth-Scheme")]
        [InlineData("WWW-Authenticate")]
        [InlineData("Content-Type")]
        [InlineData("X-Total-Tokens")]
        [InlineData("Accept")]
        [InlineData("")]
        public void Header_names_that_do_not(string header)
            => Assert.False(CredentialHeaderNames.SaysCredential(header), header);
    }
}
