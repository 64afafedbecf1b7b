using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 on exceptions made with target-typed <c>new(...)</c>: the bound type decides, as for <c>new XxxException(...)</c>.</summary>
    public class COMET002TargetTypedExceptionTests
    {
        [Fact]
        public Task A_target_typed_exception_message_is_a_sink()
            => Test("""
                using Boom = System.InvalidOperationException;

                class CometAuthException : Exception
                {
                    public CometAuthException(string message) : base(message) { }
                }

                class CometError : Exception
                {
                    public CometError(string message) : base(message) { }
                }

                class C
                {
                    Exception? Last { get; set; } = null;

                    void M(string apiKey, HttpRequestMessage request, int attempt)
                    {
                        InvalidOperationException error = new({|COMET012:$"Bad key {apiKey}"|});
                        Exception? other = new(message: {|COMET012:apiKey|});
                        CometAuthException auth = new({|COMET012:"Refused " + apiKey|});
                        Boom boom = new({|COMET012:$"Key {apiKey}"|});
                        Last = new([|$"Failed {request}"|]);
                        Exception chosen = attempt > 3 ? new({|COMET012:$"Key {apiKey}"|}) : new("Too many attempts");
                        _ = Task.FromException<string>(new({|COMET012:$"Key {apiKey}"|}));
                        if (attempt > 4) throw Fail(apiKey);
                        throw new({|COMET012:$"Bad key {apiKey}"|});
                    }

                    static Exception Fail(string apiKey) => new({|COMET012:$"Bad key {apiKey}"|});

                    // Not written beside the creation, the type is bound, whatever its name.
                    static CometError Refused(string apiKey) => new({|COMET012:$"Refused {apiKey}"|});
                }
                """).RunAsync();

        [Fact]
        public Task Target_typed_creations_without_a_secret_in_an_exception_message_are_not_reported()
            => Test("""
                class CometAuthException : Exception
                {
                    public CometAuthException(string message, string? apiKey = null) : base(message) => ApiKey = apiKey;

                    public string? ApiKey { get; }
                }

                class C
                {
                    private static readonly Exception Missing = new("The API key is missing.");

                    void M(string apiKey, string model, HttpRequestMessage request)
                    {
                        Exception named = new(nameof(apiKey));
                        InvalidOperationException constant = new("constant");
                        Exception withModel = new($"Model {model} failed");
                        Exception withLength = new($"Key length {apiKey.Length}");
                        CometAuthException held = new("The key was refused", apiKey);
                        List<string> list = new(apiKey.Length);
                        Uri uri = new(apiKey);
                        HttpRequestMessage copy = new(HttpMethod.Get, apiKey);
                        string repeated = new('*', apiKey.Length);
                        KeyValuePair<string, string> pair = new("key", apiKey);
                        _ = Task.FromResult<Uri>(new(apiKey));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_fix_redacts_the_hole_of_a_target_typed_exception_message()
            => Test("""
                class C
                {
                    Exception M(string apiKey, string model)
                    {
                        InvalidOperationException error = new({|COMET012:$"Model {model} refused key {apiKey}"|});
                        return error;
                    }

                    static Exception Fail(string apiKey) => new(message: {|COMET012:apiKey|});
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    Exception M(string apiKey, string model)
                    {
                        InvalidOperationException error = new($"Model {model} refused key [REDACTED]");
                        return error;
                    }

                    static Exception Fail(string apiKey) => new(message: "[REDACTED]");
                }
                """, equivalenceKey: "COMET002_Redact")
                .RunAsync();

        [Fact]
        public Task Half_typed_target_typed_creations_do_not_throw()
            => Test("""
                class C
                {
                    void M(string apiKey)
                    {
                        Exception missingType = new(Missing(apiKey));
                        Undefined undefined = new($"Key {apiKey}");
                        InvalidOperationException unfinished = new($"Key {apiKey}",
                        Exception e = new(
                    }
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
