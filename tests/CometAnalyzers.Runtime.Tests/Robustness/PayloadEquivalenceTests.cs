using System.Text;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// The payload oracle's "equivalent to the input" (docs/robustness.md): each documented normalization is allowed,
    /// and every change to the data outside them is reported, with the path where it is.
    /// </summary>
    public class PayloadEquivalenceTests
    {
        private static string? Difference(string read, string wrote)
            => PayloadEquivalence.ForContract.Difference(Encoding.UTF8.GetBytes(read), Encoding.UTF8.GetBytes(wrote));

        [Theory]
        [InlineData("""{ "a" : [ 1 , true ] }""", """{"a":[1,true]}""")] // whitespace
        [InlineData("""{"a":"\u0041\/"}""", """{"a":"A/"}""")] // string escapes
        [InlineData("""{"\u0061":1}""", """{"a":1}""")] // escaped names
        [InlineData("""{"a":1,"b":2}""", """{"b":2,"a":1}""")] // member order
        [InlineData("""{"a":1,"a":2}""", """{"a":2}""")] // a duplicate property: its last value
        [InlineData("""{"a":1,"a":2}""", """{"a":1,"a":2}""")] // a duplicate property: kept as read
        [InlineData("""{"x":1.50e2}""", """{"x":1.50e2}""")] // a number: the same text
        [InlineData("""{"temperature":1e-400,"index":-0}""", """{"index":-0,"temperature":1e-400}""")] // typed members too
        public void The_documented_normalizations_are_equivalent(string read, string wrote)
            => Assert.Null(Difference(read, wrote));

        [Theory]
        [InlineData("""{"a":1,"b":2}""", """{"a":1}""", "$.b: read, not written")] // a dropped field
        [InlineData("""{"a":1}""", """{"a":1,"type":"text"}""", "$.type: written, never read")] // an added field
        [InlineData("""{"a":{"b":"x"}}""", """{"a":{"b":"y"}}""", "$.a.b: read \"x\", wrote \"y\"")]
        [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: read 2 items, wrote 1")]
        [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]: read 1, wrote 2")]
        [InlineData("""{"a":null}""", """{"a":0}""", "$.a: read null, wrote 0")]
        [InlineData("""{"a":true}""", """{"a":false}""", "$.a: read true, wrote false")]
        [InlineData("""{"a":1,"a":2}""", """{"a":1}""", "$.a: read 2, wrote 1")] // a duplicate: neither the last nor all
        [InlineData("""{"a":1,"a":2,"a":3}""", """{"a":1,"a":3}""", "$.a: read 3 times, written 2 times")]
        [InlineData("""{"a":1,"a":2}""", """{"a":2,"a":1}""", "$.a (occurrence 1): read 1, wrote 2")]
        [InlineData("""{"x":-0}""", """{"x":0}""", "$.x: read -0, wrote 0")] // a number's text, not its value
        [InlineData("""{"x":1.50e2}""", """{"x":150}""", "$.x: read 1.50e2, wrote 150")]
        [InlineData("""{"index":-0}""", """{"index":0}""", "$.index: read -0, wrote 0")] // an integer member
        [InlineData("""{"bytes":[1,-0]}""", """{"bytes":[1,0]}""", "$.bytes[1]: read -0, wrote 0")] // its array items
        [InlineData("""{"logit_bias":{"50256":-0}}""", """{"logit_bias":{"50256":0}}""", "$.logit_bias.50256: read -0, wrote 0")] // its map values
        [InlineData("""{"index":9007199254740993}""", """{"index":9007199254740992}""", "$.index: read 9007199254740993, wrote 9007199254740992")]
        [InlineData("""{"temperature":0.5}""", """{"temperature":0.25}""", "$.temperature: read 0.5, wrote 0.25")] // a number member
        [InlineData("""{"temperature":1e-400}""", """{"temperature":0}""", "$.temperature: read 1e-400, wrote 0")]
        [InlineData("""{"temperature":4.9e-324}""", """{"temperature":5E-324}""", "$.temperature: read 4.9e-324, wrote 5E-324")]
        [InlineData("""{"logprob":-3.128163257315464e-07}""", """{"logprob":-3.128163257315464E-07}""", "$.logprob: read -3.128163257315464e-07, wrote -3.128163257315464E-07")]
        [InlineData("""{"temperature":1.0}""", """{"temperature":1}""", "$.temperature: read 1.0, wrote 1")]
        public void Any_other_change_is_a_difference_at_its_path(string read, string wrote, string difference)
            => Assert.Equal(difference, Difference(read, wrote));
    }
}
