using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>Usings, contracts and the test factory shared by the COMET002 tests.</summary>
    internal static class COMET002Sources
    {
        public const string Usings = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            """;

        /// <summary>A contract whose secret key, variable and header say nothing by their names.</summary>
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

        public static AnalyzerTest Test(string body)
            => AnalyzerTest.For<SecretWrittenToLogAnalyzer>().WithSource(Usings + body);
    }
}
