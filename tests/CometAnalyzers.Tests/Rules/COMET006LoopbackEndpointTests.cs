using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET006 and a key sent to this machine: a local model server takes any key, so a made-up one written beside a
    /// loopback endpoint (same call, same options object, same initializer) is no credential. Any other endpoint keeps the report.
    /// </summary>
    public class COMET006LoopbackEndpointTests
    {
        [Fact]
        public Task A_key_beside_a_loopback_endpoint_is_silent()
            => Test("""
                class LocalOpenAIConfig
                {
                    public string Endpoint { get; set; } = "";
                    public string ApiKey { get; set; } = "";
                }

                class C
                {
                    void M()
                    {
                        var studio = new OpenAIClient(new ApiKeyCredential("lm-studio"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:1234/v1") });
                        var chat = new ChatClient("llama3", new ApiKeyCredential("llamacpp-server"), new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:8080/v1/") });
                        var azure = new AzureOpenAIClient(new Uri("http://[::1]:5000/"), new AzureKeyCredential("local-proxy-key"));
                        var emulator = new AzureOpenAIClient(new Uri("http://10.0.2.2:11434"), new AzureKeyCredential("android-emulator"));
                        var config = new LocalOpenAIConfig { Endpoint = "http://localhost:11434/v1/", ApiKey = "ollama-local" };
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Options_kept_in_a_local_assigned_once_count_too()
            => Test("""
                class C
                {
                    ChatClient M()
                    {
                        var options = new OpenAIClientOptions { Endpoint = new Uri("http://localhost:12434/engines/v1") };
                        return new ChatClient("ai/smollm2", new ApiKeyCredential("docker-model-runner"), options);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_key_beside_a_remote_or_unknown_endpoint_is_still_reported()
            => Test($$"""
                class LocalOpenAIConfig
                {
                    public string Endpoint { get; set; } = "";
                    public string ApiKey { get; set; } = "";
                }

                class C
                {
                    void M(Uri configured, OpenAIClientOptions options)
                    {
                        var remote = new OpenAIClient(new ApiKeyCredential([|"{{Key}}"|]), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });
                        var azure = new AzureOpenAIClient(new Uri("https://my-resource.openai.azure.com/"), new AzureKeyCredential([|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]));
                        var unknown = new AzureOpenAIClient(configured, new AzureKeyCredential([|"9f8e7d6c5b4a39281706f5e4d3c2b1a0"|]));
                        var passedIn = new OpenAIClient(new ApiKeyCredential([|"sk-7Hq2Lm9Xc4Vb8Nz1Kd5Rt3Wp"|]), options);
                        var lan = new LocalOpenAIConfig { Endpoint = "http://192.168.1.20:11434/v1/", ApiKey = [|"sk-2Wp8Kd5Rt3Hq7Lm9Xc4Vb1N"|] };
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_loopback_address_in_another_role_does_not_silence_the_key()
            => Test($$"""
                class C
                {
                    void M()
                    {
                        // The proxy is local; the key still goes to the vendor's endpoint.
                        var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1"), UserAgentApplicationId = "http://localhost:8888" };
                        var client = new OpenAIClient(new ApiKeyCredential([|"{{Key}}"|]), options);
                    }
                }
                """).RunAsync();
    }
}
