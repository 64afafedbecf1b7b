using System;
using System.IO;
using Xunit;

namespace CometAnalyzers.Package.Tests
{
    /// <summary>
    /// One source generator cannot see another's output, so a Refit interface that takes the generated models fails
    /// (CS0246) in the project that generates them. The supported pattern: the contract's models in a project of their
    /// own, referenced by the project that declares the Refit interface. Built here the way a user builds it.
    /// </summary>
    public class ModelsProjectTests
    {
        private const string AppProgram = """"
            using System.Net;
            using System.Text;
            using System.Text.Json;
            using CometApi.Contracts;
            using Refit;

            // Refit serializes through the generated, reflection-free JSON context; an in-process handler plays the server.
            var settings = new RefitSettings
            {
                ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = CometApiJsonContext.Default }),
            };
            var handler = new RecordingHandler();
            ICometChat api = RestService.For<ICometChat>(new HttpClient(handler) { BaseAddress = new Uri("http://localhost") }, settings);

            ChatCompletionResponse response = await api.CreateAsync(
                new ChatCompletionRequest { Model = "gpt-4o-mini", Messages = [new UserMessage { Content = "Hello" }] },
                "test-key");

            Console.WriteLine($"{handler.Method} {handler.Path} {handler.Authorization} {handler.Body}");
            // The completion's text is x-sensitive (COMET005 fails the build on writing it out); its length shows it was parsed.
            Console.WriteLine($"{response.Model} {response.Choices[0].FinishReason} {response.Choices[0].Message.Content?.Length}");

            public interface ICometChat
            {
                [Post(CometApiContract.Path)]
                Task<ChatCompletionResponse> CreateAsync([Body] ChatCompletionRequest request, [Authorize(CometApiContract.AuthScheme)] string apiKey);
            }

            internal sealed class RecordingHandler : HttpMessageHandler
            {
                public string? Method { get; private set; }

                public string? Path { get; private set; }

                public string? Authorization { get; private set; }

                public string? Body { get; private set; }

                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Method = request.Method.Method;
                    Path = request.RequestUri!.AbsolutePath;
                    Authorization = request.Headers.Authorization?.Scheme;
                    Body = await request.Content!.ReadAsStringAsync(cancellationToken);
                    const string Json = """{"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}]}""";
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Json, Encoding.UTF8, "application/json") };
                }
            }
            """";

        [Fact]
        public void A_Refit_interface_over_the_generated_models_builds_when_the_models_have_a_project_of_their_own()
        {
            using var consumer = ConsumerProject.CreateEmpty();
            string refit = ConsumerProject.Metadata("RefitVersion");
            consumer.WriteAt(Path.Combine("Models", "Models.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{consumer.PackagesPath}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="CometAnalyzers" Version="{consumer.PackageVersion}" />
                  </ItemGroup>
                </Project>
                """);
            consumer.CopyRepoContract(Path.Combine("Models", "cometapi.contract.json"));
            consumer.WriteAt(Path.Combine("App", "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{consumer.PackagesPath}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Refit" Version="{refit}" />
                    <ProjectReference Include="../Models/Models.csproj" />
                  </ItemGroup>
                </Project>
                """);
            consumer.WriteAt(Path.Combine("App", "Program.cs"), AppProgram);

            (int exitCode, string output) = consumer.RunAt("App", "build --nologo -v:q -clp:NoSummary");
            Assert.True(exitCode == 0, "The app with the Refit interface does not build:\n" + output);
            Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);

            // Refit sent the request the generated serializers wrote and parsed the response with them.
            (exitCode, output) = consumer.RunAt("App", "run --no-build");
            Assert.True(exitCode == 0, "The app failed:\n" + output);
            Assert.Contains("""POST /v1/chat/completions Bearer {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}""", output, StringComparison.Ordinal);
            Assert.Contains("gpt-4o-mini stop 2", output, StringComparison.Ordinal);
        }
    }
}
