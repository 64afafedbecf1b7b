using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// The generated ReadDouble, ReadInt64 and ReadInt32 read short numbers without the general parser. These tests hold
    /// them to what they did before (Utf8JsonReader's TryGetDouble/TryGetInt64/TryGetInt32): the same double bit for bit,
    /// the same integer, and for a number that does not fit, the same OutOfRange error at the same path. Numbers reach
    /// the helpers through Parse: TopLogprob.logprob (double), ChatCompletionRequest.seed (long) and
    /// ChatCompletionRequest.n (int); TopLogprob.bytes (a list of ints) reads through the list item reader. Every number
    /// that reads is written back by WriteTo as the very text it was read from, and its text is kept (the model's side
    /// store) exactly when Utf8JsonWriter would write its value otherwise: checked against the writer itself over random
    /// doubles, floats and dates in many spellings.
    /// </summary>
    public class NumberReadingTests
    {
        private const int Seed = 20261122;
        private const int Count = 40_000;

        /// <summary>Edge cases, each read as a double, a long and an int; every token is a valid JSON number.</summary>
        public static TheoryData<string> EdgeCases => new()
        {
            // Zeros and the leading zeros the JSON grammar allows (a lone 0 before a fraction or an exponent).
            "0", "-0", "0.0", "-0.0", "0.000", "0e0", "-0E+0", "0.1", "-0.1", "0.5", "0.000000000000001", "0.0000000000000001",
            "0.123456789012345", "0.30000000000000004",
            // Integers of 15 to 20 digits, around the fast paths' digit limits and 2^53.
            "123456789012345", "999999999999999", "1234567890123456", "9999999999999999", "12345678901234567",
            "123456789012345678", "999999999999999999", "1234567890123456789", "9999999999999999999", "99999999999999999999",
            "9007199254740992", "9007199254740993", "-9007199254740993", "9007199254740995",
            // Decimals of 15 to 19 significant digits.
            "12345678.9012345", "-99999999999999.9", "1234567890.123456", "123456789.01234567", "12345678901234.5678",
            "1.234567890123456789", "9007199254740993.0", "9007199254740993.5",
            // Exponents always take the general parser.
            "1e5", "1E5", "1e+5", "1E-5", "1e-5", "2.5E+3", "1.7976931348623157e308", "1.7976931348623159e308", "1e400", "-1e400",
            "5e-324", "4.9e-324", "2e-324", "1e-400",
            // Int32 and Int64 limits and one past them.
            "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "1.0", "1.5", "-1.0",
        };

        [Theory]
        [MemberData(nameof(EdgeCases))]
        public void An_edge_case_reads_as_Utf8JsonReader_reads_it(string number)
        {
            Assert.Equal(ExpectedDouble(number), ParsedDouble(number));
            Assert.Equal(ExpectedInt64(number), ParsedInt64(number));
            Assert.Equal(ExpectedInt32(number), ParsedInt32(number));
        }

        [Fact]
        public void Random_doubles_and_decimals_read_bit_for_bit_as_Utf8JsonReader_reads_them()
        {
            string[] numbers = RandomDoubles(new Random(Seed)).ToArray();

            // The set must reach both paths: short decimals (the fast path) and long or exponent forms (the general one).
            Assert.True(numbers.Count(IsShortDecimal) > Count / 4, "too few short decimals");
            Assert.True(numbers.Count(n => !IsShortDecimal(n)) > Count / 4, "too few long or exponent numbers");
            AssertAllMatch(numbers, ExpectedDouble, ParsedDouble);
        }

        [Fact]
        public void Random_longs_read_as_Utf8JsonReader_reads_them_and_fail_where_it_fails()
        {
            string[] numbers = RandomIntegers(new Random(Seed + 1), long.MinValue, long.MaxValue, maxDigits: 20).ToArray();
            Assert.Contains(numbers, n => ExpectedInt64(n).StartsWith("OutOfRange", StringComparison.Ordinal));
            AssertAllMatch(numbers, ExpectedInt64, ParsedInt64);
        }

        [Fact]
        public void Random_ints_read_as_Utf8JsonReader_reads_them_and_fail_where_it_fails()
        {
            string[] numbers = RandomIntegers(new Random(Seed + 2), int.MinValue, int.MaxValue, maxDigits: 19).ToArray();
            Assert.Contains(numbers, n => ExpectedInt32(n).StartsWith("OutOfRange", StringComparison.Ordinal));
            AssertAllMatch(numbers, ExpectedInt32, ParsedInt32);
        }

        [Theory]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("999999999999")]
        [InlineData("99999999999999999999")]
        [InlineData("1.5")]
        public void An_int_that_does_not_fit_is_OutOfRange_at_its_member(string number)
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(Utf8(RequestWithN(number))));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Equal("$.n", exception.JsonPath);
            Assert.Equal("The number does not fit a 32-bit integer.", exception.Error.Message);
        }

        [Theory]
        [InlineData("9223372036854775808")]
        [InlineData("-9223372036854775809")]
        [InlineData("99999999999999999999")]
        [InlineData("1e5")]
        public void A_long_that_does_not_fit_is_OutOfRange_at_its_member(string number)
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(Utf8(RequestWith("seed", number))));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Equal("$.seed", exception.JsonPath);
            Assert.Equal("The number does not fit a 64-bit integer.", exception.Error.Message);
        }

        [Theory]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("1e5")]
        public void An_int_that_does_not_fit_is_OutOfRange_at_its_list_item(string number)
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => TopLogprob.Parse(Utf8("{\"token\":\"t\",\"logprob\":0,\"bytes\":[1," + number + "]}")));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Equal("$.bytes[1]", exception.JsonPath);
            Assert.Equal("The number does not fit a 32-bit integer.", exception.Error.Message);
        }

        /// <summary>Past double's range, with an exponent or (beyond any short path's digit limit) in plain digits.</summary>
        public static TheoryData<string> DoublesThatDoNotFit => new()
        {
            "1e400", "-1.7976931348623159e308", new string('9', 400), "-" + new string('9', 309) + ".5",
        };

        [Theory]
        [MemberData(nameof(DoublesThatDoNotFit))]
        public void A_double_that_does_not_fit_is_OutOfRange_at_its_member(string number)
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => TopLogprob.Parse(Utf8(LogprobWith(number))));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Equal("$.logprob", exception.JsonPath);
            Assert.Equal("The number does not fit a double.", exception.Error.Message);
        }

        /// <summary>Random doubles in the forms serializers write them, and decimal strings of every length up to 34 digits.</summary>
        private static IEnumerable<string> RandomDoubles(Random random)
        {
            for (int i = 0; i < Count; i++)
            {
                switch (i % 5)
                {
                    case 0:
                        yield return AnyFiniteDouble(random).ToString(i % 2 == 0 ? "R" : "G17", CultureInfo.InvariantCulture);
                        break;
                    case 1:
                    {
                        // A value of everyday size rounded to 1-15 decimals, written shortest ("R") and at that many decimals ("F").
                        double value = Math.Round(Sign(random) * random.NextDouble() * Math.Pow(10, random.Next(-3, 12)), random.Next(1, 16));
                        yield return value.ToString("R", CultureInfo.InvariantCulture);
                        yield return value.ToString("F" + random.Next(1, 16).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                        i++;
                        break;
                    }

                    default:
                        yield return RandomDecimal(random, random.Next(0, 18), random.Next(0, 18));
                        break;
                }
            }
        }

        /// <summary>A JSON number with the given digits before (none: "0") and after (none: no point) the decimal point.</summary>
        private static string RandomDecimal(Random random, int integerDigits, int fractionDigits)
        {
            var text = new StringBuilder();
            if (random.Next(2) == 0)
            {
                text.Append('-');
            }

            text.Append(integerDigits == 0 ? "0" : Digits(random, integerDigits));
            if (fractionDigits > 0)
            {
                text.Append('.');
                for (int i = 0; i < fractionDigits; i++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }
            }

            return text.ToString();
        }

        /// <summary>Integers over the whole range, of every length, near the limits and just past them.</summary>
        private static IEnumerable<string> RandomIntegers(Random random, long min, long max, int maxDigits)
        {
            for (int i = 0; i < Count; i++)
            {
                int offset = random.Next(0, 1000);
                yield return (i % 5) switch
                {
                    0 => random.NextInt64(min, max).ToString(CultureInfo.InvariantCulture),
                    1 => (random.Next(2) == 0 ? "-" : string.Empty) + Digits(random, random.Next(1, maxDigits + 1)),
                    2 => (max - offset).ToString(CultureInfo.InvariantCulture),
                    3 => (min + offset).ToString(CultureInfo.InvariantCulture),
                    _ => (random.Next(2) == 0 ? (System.Numerics.BigInteger)max + 1 + offset : (System.Numerics.BigInteger)min - 1 - offset).ToString(CultureInfo.InvariantCulture),
                };
            }
        }

        private static string Digits(Random random, int count)
        {
            var text = new StringBuilder(count);
            text.Append((char)('1' + random.Next(9))); // JSON allows no leading zero before more digits
            for (int i = 1; i < count; i++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            return text.ToString();
        }

        private static double AnyFiniteDouble(Random random)
        {
            while (true)
            {
                double value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
                if (double.IsFinite(value))
                {
                    return value;
                }
            }
        }

        private static int Sign(Random random) => random.Next(2) == 0 ? 1 : -1;

        /// <summary>What the fast path takes: at most 15 digits and no exponent (the set must include plenty of both).</summary>
        private static bool IsShortDecimal(string number) => number.Count(char.IsAsciiDigit) <= 15 && number.IndexOfAny(new[] { 'e', 'E' }) < 0;

        private static void AssertAllMatch(string[] numbers, Func<string, string> expected, Func<string, string> parsed)
        {
            List<string> mismatches = numbers
                .Select(n => (Number: n, Expected: expected(n), Parsed: parsed(n)))
                .Where(x => x.Expected != x.Parsed)
                .Select(x => $"{x.Number}: expected {x.Expected}, parsed {x.Parsed}")
                .ToList();
            Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {numbers.Length} differ:\n" + string.Join("\n", mismatches.Take(20)));
        }

        // What the helpers did before the fast path: Utf8JsonReader's own parse, OutOfRange when it fails (or, for a double, overflows).
        private static string ExpectedDouble(string number)
        {
            var reader = new Utf8JsonReader(Utf8(number));
            reader.Read();
            return reader.TryGetDouble(out double value) && !double.IsInfinity(value) ? Bits(value) : OutOfRange("$.logprob", "a double");
        }

        private static string ExpectedInt64(string number)
        {
            var reader = new Utf8JsonReader(Utf8(number));
            reader.Read();
            return reader.TryGetInt64(out long value) ? value.ToString(CultureInfo.InvariantCulture) : OutOfRange("$.seed", "a 64-bit integer");
        }

        private static string ExpectedInt32(string number)
        {
            var reader = new Utf8JsonReader(Utf8(number));
            reader.Read();
            return reader.TryGetInt32(out int value) ? value.ToString(CultureInfo.InvariantCulture) : OutOfRange("$.n", "a 32-bit integer");
        }

        // What Parse read, and, when WriteTo does not write the number back as it was sent, what it wrote.
        private static string ParsedDouble(string number)
            => TopLogprob.TryParse(Utf8(LogprobWith(number)), out TopLogprob? value, out CometApiContractError? error)
                ? Bits(value.Logprob) + WrittenBack(number, JsonEquivalence.Write(value.WriteTo), json => json.GetProperty("logprob"))
                : Describe(error!);

        private static string ParsedInt64(string number)
            => ChatCompletionRequest.TryParse(Utf8(RequestWith("seed", number)), out ChatCompletionRequest? value, out CometApiContractError? error)
#pragma warning disable CS0618 // seed is deprecated by the contract; its reader is the one under test
                ? value.Seed!.Value.ToString(CultureInfo.InvariantCulture) + WrittenBack(number, JsonEquivalence.Write(value.WriteTo), json => json.GetProperty("seed"))
#pragma warning restore CS0618
                : Describe(error!);

        private static string ParsedInt32(string number)
            => ChatCompletionRequest.TryParse(Utf8(RequestWithN(number)), out ChatCompletionRequest? value, out CometApiContractError? error)
                ? value.N!.Value.ToString(CultureInfo.InvariantCulture) + WrittenBack(number, JsonEquivalence.Write(value.WriteTo), json => json.GetProperty("n"))
                : Describe(error!);

        /// <summary>Nothing when <paramref name="written"/> has <paramref name="number"/> where it was read, else what it has there.</summary>
        private static string WrittenBack(string number, string written, Func<JsonElement, JsonElement> at)
        {
            using JsonDocument document = JsonDocument.Parse(written);
            string text = at(document.RootElement).GetRawText();
            return text == number ? string.Empty : " written back as " + text;
        }

        /// <summary>
        /// Doubles of every kind (any bits; everyday sizes; floats widened, as logprobs are; powers of two; the edges of
        /// plain notation at 1e-4 and 1e17; around 2^53) in the spellings senders use: the shortest, with a lower-case or
        /// a long exponent, 15 to 17 digits (G15-G17), the 17 digits nudged by one in the last place, plain notation at
        /// 16 and 17 digits, and with a trailing zero.
        /// </summary>
        [Fact]
        public void A_doubles_text_is_kept_exactly_when_the_writer_writes_its_value_otherwise()
        {
            var random = new Random(Seed + 3);
            var texts = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < Count / 4; i++)
            {
                double value = (i % 8) switch
                {
                    0 => AnyFiniteDouble(random),
                    1 => Sign(random) * random.NextDouble() * Math.Pow(10, random.Next(-8, 20)),
                    2 => Sign(random) * (double)(float)(random.NextDouble() * Math.Pow(10, random.Next(-8, 3))),
                    3 => Sign(random) * Math.Pow(2, random.Next(-40, 70)),
                    4 => Sign(random) * Nudge(1e-4, random),
                    5 => Sign(random) * Nudge(1e17, random),
                    6 => Sign(random) * Nudge(9007199254740992, random),
                    _ => Sign(random) * Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 8)), random.Next(0, 12)),
                };
                foreach (string text in Spellings(value))
                {
                    texts.Add(text);
                }
            }

            var failures = new List<string>();
            int kept = 0;
            foreach (string text in texts)
            {
                if (!TopLogprob.TryParse(Utf8(LogprobWith(text)), out TopLogprob? model, out _))
                {
                    continue; // past double's range
                }

                string expected = WriterText(writer => writer.WriteNumberValue(model.Logprob));
                kept += ScalarTextTests.HasKeptTexts(model) ? 1 : 0;
                Check(failures, text, model, expected, WrittenBack(text, JsonEquivalence.Write(model.WriteTo), json => json.GetProperty("logprob")));
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} differ:\n" + string.Join("\n", failures.Take(20)));
            Assert.True(kept > texts.Count / 4 && kept < texts.Count * 3 / 4, $"{kept} of {texts.Count} kept: the spellings should be about half the writer's");
        }

        [Fact]
        public void A_floats_text_is_kept_exactly_when_the_writer_writes_its_value_otherwise()
        {
            var random = new Random(Seed + 4);
            var texts = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < Count / 8; i++)
            {
                float value = (i % 4) switch
                {
                    0 => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)),
                    1 => (float)(Sign(random) * random.NextDouble() * Math.Pow(10, random.Next(-8, 12))),
                    2 => (float)(Sign(random) * Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 6)), random.Next(0, 7))),
                    _ => (float)(Sign(random) * Math.Pow(2, random.Next(-30, 40))),
                };
                if (!float.IsFinite(value))
                {
                    continue;
                }

                foreach (string text in Spellings(value).Concat(Spellings((double)value)))
                {
                    texts.Add(text);
                }
            }

            var failures = new List<string>();
            foreach (string text in texts)
            {
                string json = "{\"taken_at\":\"2024-01-02T03:04:05+00:00\",\"value\":1,\"ratio\":" + text + "}";
                if (!Scalars.Measurement.TryParse(Utf8(json), out Scalars.Measurement? model, out _))
                {
                    continue;
                }

                string expected = WriterText(writer => writer.WriteNumberValue(model.Ratio!.Value));
                Check(failures, text, model, expected, WrittenBack(text, JsonEquivalence.Write(model.WriteTo), json => json.GetProperty("ratio")));
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} differ:\n" + string.Join("\n", failures.Take(20)));
        }

        /// <summary>Dates of any instant and offset, in the writer's form, 'O', with Z, with 0 to 9 fractional digits, without seconds' fraction.</summary>
        [Fact]
        public void A_dates_text_is_kept_exactly_when_the_writer_writes_its_value_otherwise()
        {
            var random = new Random(Seed + 5);
            var texts = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < Count / 8; i++)
            {
                var offset = TimeSpan.FromMinutes(i % 3 == 0 ? 0 : random.Next(-14 * 60, 14 * 60 + 1));
                long ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
                if (i % 2 == 0)
                {
                    ticks -= ticks % (long)Math.Pow(10, random.Next(0, 8)); // fewer fractional digits
                }

                var value = new DateTimeOffset(ticks, offset);
                string o = value.ToString("O", CultureInfo.InvariantCulture);
                string zone = o[27..];
                texts.Add(WriterText(writer => writer.WriteStringValue(value)).Trim('"'));
                texts.Add(o);
                texts.Add(o[..19] + zone);
                texts.Add(o[..(20 + random.Next(0, 7))] + zone);
                texts.Add(o[..27] + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture) + zone);
                if (offset == TimeSpan.Zero)
                {
                    texts.Add(o[..27] + "Z");
                    texts.Add(o[..19] + "Z");
                }
            }

            var failures = new List<string>();
            foreach (string text in texts)
            {
                string json = "{\"taken_at\":\"" + text + "\",\"value\":1}";
                if (!Scalars.Measurement.TryParse(Utf8(json), out Scalars.Measurement? model, out _))
                {
                    failures.Add($"{text}: not read");
                    continue;
                }

                string expected = WriterText(writer => writer.WriteStringValue(model.TakenAt)).Trim('"');
                Check(failures, text, model, expected, WrittenBack("\"" + text + "\"", JsonEquivalence.Write(model.WriteTo), json => json.GetProperty("taken_at")));
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} differ:\n" + string.Join("\n", failures.Take(20)));
        }

        /// <summary>The text must come back, and be kept exactly when the writer's text for the value read is another.</summary>
        private static void Check<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicFields)] T>(List<string> failures, string text, T model, string writers, string writtenBack)
        {
            bool kept = ScalarTextTests.HasKeptTexts(model);
            if (writtenBack.Length > 0 || kept == (writers == text))
            {
                lock (failures)
                {
                    failures.Add($"{text}: the writer writes {writers}; {(kept ? "kept" : "not kept")}{writtenBack}");
                }
            }
        }

        private static IEnumerable<string> Spellings(double value)
        {
            string shortest = value.ToString("R", CultureInfo.InvariantCulture);
            yield return shortest;
            yield return shortest.Replace('E', 'e');
            yield return value.ToString("G17", CultureInfo.InvariantCulture);
            yield return value.ToString("G16", CultureInfo.InvariantCulture);
            yield return value.ToString("G15", CultureInfo.InvariantCulture);
            yield return value.ToString("E16", CultureInfo.InvariantCulture);
            (bool negative, string digits, int exponent) = Decimal(value.ToString("E16", CultureInfo.InvariantCulture));
            yield return Plain(negative, digits, exponent);
            yield return Plain(negative, digits[..16], exponent);
            yield return Plain(negative, (ulong.Parse(digits, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), exponent + (digits[0] == '9' && digits.All(c => c == '9') ? 1 : 0));
            if (digits != "10000000000000000")
            {
                yield return Plain(negative, (ulong.Parse(digits, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture).PadLeft(17, '0'), exponent);
            }

            (negative, digits, exponent) = Decimal(shortest.Contains('E', StringComparison.Ordinal) ? shortest : value.ToString("E16", CultureInfo.InvariantCulture));
            string plain = Plain(negative, digits, exponent);
            yield return plain;
            yield return plain.Contains('.', StringComparison.Ordinal) ? plain + "0" : plain + ".0";
        }

        private static IEnumerable<string> Spellings(float value)
        {
            string shortest = value.ToString("R", CultureInfo.InvariantCulture);
            yield return shortest;
            yield return shortest.Replace('E', 'e');
            yield return value.ToString("G9", CultureInfo.InvariantCulture);
            yield return value.ToString("G7", CultureInfo.InvariantCulture);
            yield return value.ToString("G6", CultureInfo.InvariantCulture);
            (bool negative, string digits, int exponent) = Decimal(value.ToString("E8", CultureInfo.InvariantCulture));
            yield return Plain(negative, digits, exponent);
            yield return Plain(negative, digits[..7], exponent);
            yield return Plain(negative, digits[..6], exponent);
        }

        /// <summary>The sign, digits (no point) and power of ten of the first digit of a number in E notation.</summary>
        private static (bool Negative, string Digits, int Exponent) Decimal(string scientific)
        {
            int e = scientific.IndexOf('E', StringComparison.Ordinal);
            string mantissa = scientific[..e];
            bool negative = mantissa.StartsWith('-');
            return (negative, mantissa.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal), int.Parse(scientific[(e + 1)..], CultureInfo.InvariantCulture));
        }

        /// <summary>Digits whose first stands at 10^<paramref name="exponent"/>, in plain notation without trailing fraction zeros.</summary>
        private static string Plain(bool negative, string digits, int exponent)
        {
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                return negative ? "-0" : "0";
            }

            string text = exponent < 0
                ? "0." + new string('0', -exponent - 1) + digits
                : digits.Length <= exponent + 1
                    ? digits + new string('0', exponent + 1 - digits.Length)
                    : digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
            return negative ? "-" + text : text;
        }

        /// <summary>A value a few representable steps from <paramref name="edge"/>, or the edge itself.</summary>
        private static double Nudge(double edge, Random random)
        {
            double value = edge;
            for (int steps = random.Next(-3, 4); steps != 0; steps -= Math.Sign(steps))
            {
                value = steps > 0 ? Math.BitIncrement(value) : Math.BitDecrement(value);
            }

            return value;
        }

        private static string WriterText(Action<Utf8JsonWriter> write) => JsonEquivalence.Write(write);

        private static string LogprobWith(string number) => "{\"token\":\"t\",\"logprob\":" + number + ",\"bytes\":null}";

        private static string RequestWithN(string number) => RequestWith("n", number);

        private static string RequestWith(string member, string number) => "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"" + member + "\":" + number + "}";

        // Bits, not the value: 0.0 == -0.0, and a last-bit difference must not hide behind formatting.
        private static string Bits(double value) => "0x" + BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);

        private static string OutOfRange(string path, string expected) => $"OutOfRange at {path}: The number does not fit {expected}.";

        private static string Describe(CometApiContractError error) => $"{error.Kind} at {error.JsonPath}: {error.Message}";

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
