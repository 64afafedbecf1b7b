using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// The generated ReadDouble, ReadInt64 and ReadInt32 read short numbers without the general parser. These tests hold
    /// them to what they did before (Utf8JsonReader's TryGetDouble/TryGetInt64/TryGetInt32): the same double bit for bit,
    /// the same integer, and for a number that does not fit, the same OutOfRange error at the same path. Numbers reach
    /// the helpers through Parse: TopLogprob.logprob (double), ChatCompletionRequest.seed (long) and
    /// ChatCompletionRequest.n (int); TopLogprob.bytes (a list of ints) reads through the list item reader.
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

        private static string ParsedDouble(string number)
            => TopLogprob.TryParse(Utf8(LogprobWith(number)), out TopLogprob? value, out CometApiContractError? error) ? Bits(value.Logprob) : Describe(error!);

        private static string ParsedInt64(string number)
            => ChatCompletionRequest.TryParse(Utf8(RequestWith("seed", number)), out ChatCompletionRequest? value, out CometApiContractError? error)
#pragma warning disable CS0618 // seed is deprecated by the contract; its reader is the one under test
                ? value.Seed!.Value.ToString(CultureInfo.InvariantCulture)
#pragma warning restore CS0618
                : Describe(error!);

        private static string ParsedInt32(string number)
            => ChatCompletionRequest.TryParse(Utf8(RequestWithN(number)), out ChatCompletionRequest? value, out CometApiContractError? error)
                ? value.N!.Value.ToString(CultureInfo.InvariantCulture)
                : Describe(error!);

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
