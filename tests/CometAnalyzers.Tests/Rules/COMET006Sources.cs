using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>Usings, a contract and the test factory shared by the COMET006 tests (real OpenAI, Azure and System.Net types).</summary>
    internal static class COMET006Sources
    {
        public const string Usings = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using Azure;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.Configuration;
            using OpenAI;
            using OpenAI.Chat;

            """;

        /// <summary>A contract whose auth header, configuration key and variable say nothing by their names.</summary>
        public const string AuthContract = """
            {
              "name": "CometApi",
              "auth": {
                "header": "X-Comet-Auth",
                "scheme": "Bearer",
                "secretConfigKey": "CometApi:Auth",
                "secretEnvVar": "COMET_AUTH"
              },
              "response": { "type": "object" }
            }
            """;

        /// <summary>A key-shaped value that is no real key (made up for the tests).</summary>
        public const string Key = "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";

        public static AnalyzerTest Test(string body)
            => AnalyzerTest.For<HardcodedCredentialAnalyzer>().WithLibrary(TestReferences.AzureOpenAI).WithSource(Usings + body);
    }
}
