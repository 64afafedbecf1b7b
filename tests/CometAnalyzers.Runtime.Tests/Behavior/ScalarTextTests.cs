using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Runtime.Tests.Scalars;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// Numbers and dates come back with the text they were read with, through Parse/WriteTo and through JsonSerializer
    /// with the generated JsonTypeInfo, wherever they are: a member, list items (some of them only), nested lists, map
    /// values, a union's number or list case. The models stay typed; a value the caller changes is written as the writer
    /// writes it. The models are those of <c>Contracts/scalars.contract.json</c> (a <c>Measurement</c> with every kind
    /// of number and date) and of the repo contract.
    /// </summary>
    public class ScalarTextTests
    {
        private const string Required = "\"taken_at\":\"2024-01-02T03:04:05+00:00\",\"value\":1";

        private static Measurement RoundTrips(string json)
            => JsonEquivalence.AssertRoundTrips(json, bytes => Measurement.Parse(bytes), (m, w) => m.WriteTo(w), ScalarsJsonContext.Default.Measurement);

        private static string Write(Measurement measurement) => JsonEquivalence.Write(measurement.WriteTo);

        [Theory]
        [InlineData("2023-08-04T19:22:45.499127Z")] // Z: the writer writes +00:00
        [InlineData("2023-08-04T08:52:19.385406455-07:00")] // nine fractional digits: two are finer than a tick
        [InlineData("2023-08-04T19:22:45Z")] // no fraction
        [InlineData("2023-08-04T19:22:45.100+02:00")] // trailing zeros in the fraction
        [InlineData("2023-08-04T19:22:45")] // no offset
        [InlineData("2023-08-04")] // a date alone
        [InlineData("2023-08-04T19:22:45.499127+00:00")] // the writer's own form: nothing to keep
        public void A_date_comes_back_as_sent(string date)
        {
            Measurement model = RoundTrips($$"""{"taken_at":"{{date}}","logged_at":"{{date}}","value":1,"stamps":["2024-01-02T03:04:05+00:00","{{date}}"]}""");
            using JsonDocument read = JsonDocument.Parse($"\"{date}\"");
            Assert.Equal(read.RootElement.GetDateTimeOffset(), model.TakenAt); // the value System.Text.Json reads
            Assert.Equal(model.TakenAt.Offset, model.Stamps![1].Offset);
        }

        [Fact]
        public void A_date_in_the_writers_form_keeps_nothing()
        {
            Assert.False(HasKeptTexts(Measurement.Parse(Utf8("""{"taken_at":"2023-08-04T19:22:45.499127+00:00","value":0.5,"count":3,"stamps":["2023-08-04T19:22:45-07:00"]}"""))));
            Assert.True(HasKeptTexts(Measurement.Parse(Utf8("""{"taken_at":"2023-08-04T19:22:45.499127Z","value":0.5}"""))));
        }

        /// <summary>Exponents in every spelling, trailing zeros, 17 digits and more, and numbers in the writer's own form.</summary>
        public static TheoryData<string> Doubles => new()
        {
            "1e3", "1E3", "1e+3", "1E+3", "1e-7", "1E-7", "1E-07", "-3.128163257315464e-07", "-3.128163257315464E-07", "2.5E+3", "1.5e300",
            "1.0", "0.10", "100.500", "-0.0", "0.0", "1e0", "0e0", "-0", "0", "0.00001", "0.0001", "1e-400",
            "0.30000000000000004", "0.1000000000000000055511151231257827", "3.14159265358979323846", "-0.31062254309654236",
            "123456789012345678", "100000000000000000000", "9007199254740993", "12345678901234567", "0.5", "-1.6856225728988647",
        };

        [Theory]
        [MemberData(nameof(Doubles))]
        public void A_number_comes_back_as_sent_as_a_member_a_list_item_a_map_value_and_a_union_case(string number)
        {
            Measurement model = RoundTrips($$"""
                {"taken_at":"2024-01-02T03:04:05+00:00","value":{{number}},"samples":[1,{{number}},2.5,{{number}}],
                 "gaps":[null,{{number}},3],"grid":[[{{number}}],[],[1,{{number}}]],"weights":{"a":{{number}},"b":2},"reading":{{number}}}
                """);
            double value = double.Parse(number, CultureInfo.InvariantCulture);
            Assert.Equal(value, model.Value);
            Assert.Equal(value, model.Samples![3]);
            Assert.Equal(value, model.Grid![2][1]);
            Assert.Equal(value, model.Weights!["a"]);
            Assert.Equal(value, model.Reading!.AsNumber);
        }

        [Fact]
        public void A_list_where_only_some_numbers_are_not_in_the_writers_form_keeps_those()
        {
            const string json = $$"""{{{Required}},"samples":[1,1.0,2.5,2.50,1e3,0.1,-0.0,-0,7,1E-7,0.30000000000000004,-3.128163257315464e-07]}""";
            Measurement model = RoundTrips(json);
            Assert.Equal(new[] { 1, 1, 2.5, 2.5, 1000, 0.1, -0.0, -0.0, 7, 1e-7, 0.30000000000000004, -3.128163257315464e-07 }, model.Samples);
        }

        [Theory]
        [InlineData("0.10")]
        [InlineData("1e-3")]
        [InlineData("3.4028235E+38")]
        [InlineData("16777217")] // reads as 16777216
        [InlineData("0.1")]
        [InlineData("-0.0")]
        [InlineData("1.00000001")]
        [InlineData("0.3333333432674408")] // a float's double text
        public void A_float_comes_back_as_sent(string number)
            => RoundTrips($$"""{{{Required}},"ratio":{{number}}}""");

        [Theory]
        [InlineData("-0")]
        [InlineData("0")]
        [InlineData("42")]
        [InlineData("-2147483648")]
        public void An_integer_comes_back_as_sent_in_members_list_items_map_values_and_a_union_case(string number)
        {
            Measurement model = RoundTrips($$"""{{{Required}},"count":{{number}},"total":{{number}},"created":{{number}},"series":{"a":[1,{{number}}],"b":[{{number}}]},"tokens":[{{number}},1]}""");
            Assert.Equal(long.Parse(number, CultureInfo.InvariantCulture), model.Total);
            Assert.Equal(long.Parse(number, CultureInfo.InvariantCulture), model.Created!.Value.ToUnixTimeSeconds());
        }

        /// <summary>What the integer readers accept: digits only. A fraction or an exponent, even of an integral value, is OutOfRange as before.</summary>
        [Theory]
        [InlineData("1.0")]
        [InlineData("1e2")]
        [InlineData("1E2")]
        [InlineData("-0.0")]
        [InlineData("0e0")]
        public void An_integer_with_a_fraction_or_an_exponent_is_rejected(string number)
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => TopLogprob.Parse(Utf8("{\"token\":\"t\",\"logprob\":0,\"bytes\":[" + number + "]}")));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Throws<CometAnalyzers.Runtime.Tests.Scalars.ScalarsContractException>(() => Measurement.Parse(Utf8($$"""{{{Required}},"created":{{number}}}""")));
        }

        [Fact]
        public void Nested_measurements_keep_their_own_texts()
            => RoundTrips($$"""{{{Required}},"children":[{"taken_at":"2024-01-02T03:04:05Z","value":1.0,"samples":[2.0]},{"taken_at":"2024-01-02T03:04:05+00:00","value":2}]}""");

        [Fact]
        public void The_repo_contracts_logprobs_come_back_as_sent()
        {
            const string json = """{"token":"\u00e9","logprob":-3.128163257315464e-07,"bytes":[195,169],"top_logprobs":[]}""";
            TopLogprob model = TopLogprob.Parse(Utf8(json));
            JsonEquivalence.AssertSameText(json, JsonEquivalence.Write(model.WriteTo));
            JsonEquivalence.AssertSameText(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, CometApiJsonContext.Default.TopLogprob)!, CometApiJsonContext.Default.TopLogprob));
        }

        [Fact]
        public void A_changed_value_is_written_in_the_writers_form_and_the_others_as_sent()
        {
            Measurement model = Measurement.Parse(Utf8("""
                {"taken_at":"2023-08-04T19:22:45Z","logged_at":"2023-08-04T19:22:45Z","value":1.0,"ratio":0.50,"count":-0,"created":-0,
                 "samples":[1.0,2.0,3e0],"weights":{"a":1.0,"b":2.0},"grid":[[1.0,2.0]]}
                """));
            model.TakenAt = model.TakenAt.AddSeconds(1);
            model.Value = 1.5;
            model.Ratio = 0.25f;
            model.Count = 1;
            model.Samples![1] = 4;
            model.Weights!["b"] = 5;
            model.Grid![0][0] = 6;
            JsonEquivalence.AssertSameText(
                """
                {"taken_at":"2023-08-04T19:22:46+00:00","logged_at":"2023-08-04T19:22:45Z","value":1.5,"ratio":0.25,"count":1,"created":-0,
                 "samples":[1.0,4,3e0],"weights":{"a":1.0,"b":5},"grid":[[6,2.0]]}
                """,
                Write(model));
        }

        [Fact]
        public void A_value_set_to_what_was_read_keeps_its_text_and_one_only_equal_to_it_does_not()
        {
            Measurement model = Measurement.Parse(Utf8("""{"taken_at":"2023-08-04T19:22:45Z","value":-0.0,"samples":[1.0,-0.0]}"""));

            // The same value: its text still stands for it.
            model.Value = -0.0;
            model.Samples![0] = 1;
            JsonEquivalence.AssertSameText("""{"taken_at":"2023-08-04T19:22:45Z","value":-0.0,"samples":[1.0,-0.0]}""", Write(model));

            // 0.0 == -0.0 and the same instant at another offset are equal, but not the same value: written as the writer writes them.
            model.Value = 0.0;
            model.Samples[1] = 0.0;
            model.TakenAt = model.TakenAt.ToOffset(TimeSpan.FromHours(2));
            JsonEquivalence.AssertSameText("""{"taken_at":"2023-08-04T21:22:45+02:00","value":0,"samples":[1.0,0]}""", Write(model));
        }

        [Fact]
        public void A_list_replaced_or_shortened_keeps_only_texts_whose_place_still_holds_their_value()
        {
            Measurement model = Measurement.Parse(Utf8($$"""{{{Required}},"samples":[1.0,2.0,3.0]}"""));
            model.Samples!.RemoveAt(0);
            Assert.Equal("[2,3]", SamplesText(Write(model))); // each place now holds another value than the one read there
            model.Samples = new List<double> { 1, 2, 3 };
            Assert.Equal("[1.0,2.0,3.0]", SamplesText(Write(model))); // the same values at the same places: any text that reads as the value is right
        }

        [Fact]
        public void A_property_read_twice_is_written_with_its_last_text()
        {
            Measurement model = Measurement.Parse(Utf8("""{"taken_at":"2024-01-02T03:04:05Z","value":1.0,"value":1,"samples":[1.0],"samples":[1],"taken_at":"2024-01-02T03:04:05+00:00"}"""));
            JsonEquivalence.AssertSameText("""{"taken_at":"2024-01-02T03:04:05+00:00","value":1,"samples":[1]}""", Write(model));
        }

        [Fact]
        public void A_union_of_a_number_or_text_keeps_the_numbers_text()
        {
            Reading reading = Reading.Parse(Utf8("1.50e2"));
            Assert.Equal(150, reading.AsNumber);
            Assert.Equal("1.50e2", JsonEquivalence.Write(reading.WriteTo));
            Assert.Equal("150", JsonEquivalence.Write(new Reading(150.0).WriteTo));
            Assert.Equal("[-0,1]", JsonEquivalence.Write(Tokens.Parse(Utf8("[-0,1]")).WriteTo));
        }

        [Fact]
        public void An_indented_writer_writes_kept_texts_in_place()
        {
            Measurement model = Measurement.Parse(Utf8($$"""{"taken_at":"2024-01-02T03:04:05Z","value":1.0,"samples":[1e3,2]}"""));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                model.WriteTo(writer);
            }

            string text = Encoding.UTF8.GetString(buffer.WrittenSpan);
            JsonEquivalence.AssertSameText("""{"taken_at":"2024-01-02T03:04:05Z","value":1.0,"samples":[1e3,2]}""", text);
            Assert.Contains("\"value\": 1.0,", text, StringComparison.Ordinal);
        }

        [Fact]
        public void ToString_shows_the_kept_texts()
            => Assert.Contains("\"value\":1.0", Measurement.Parse(Utf8($$"""{"taken_at":"2024-01-02T03:04:05Z","value":1.0}""")).ToString(), StringComparison.Ordinal);

        [Fact]
        public void A_payload_in_the_writers_form_allocates_no_kept_texts()
        {
            Measurement model = Measurement.Parse(Utf8("""
                {"taken_at":"2024-01-02T03:04:05.5+01:00","value":-0.31062254309654236,"ratio":0.1,"count":-5,"total":0,"created":1700000000,
                 "samples":[1,2.5,1E-07,1.7976931348623157E+308,0.0001],"gaps":[null,0],"grid":[[0.30000000000000004]],"weights":{"a":-0},"series":{"a":[0]},
                 "stamps":["2024-01-02T03:04:05.1234567-11:30"],"reading":12345678901234568,"tokens":[0]}
                """));
            Assert.False(HasKeptTexts(model));
            Assert.False(HasKeptTexts(Reading.Parse(Utf8("0.1"))));
        }

        /// <summary>The private side store of a model (null: every number and date was in the writer's form).</summary>
        internal static bool HasKeptTexts<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.NonPublicFields)] T>(T model)
            => typeof(T).GetField("_keptTexts", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(model) is not null;

        private static string SamplesText(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("samples").GetRawText();
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
