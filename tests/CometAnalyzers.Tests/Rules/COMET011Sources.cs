using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>Usings and the test shape shared by the COMET011 tests. Their hosts are invented names, never reserved ones.</summary>
    internal static class COMET011Sources
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            """;

        /// <summary>A COMET011 test of <paramref name="body"/> with the usual usings; <c>[|...|]</c> marks a COMET011.</summary>
        public static AnalyzerTest Test(string body)
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(Usings + body);
    }
}
