using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CometChat.Probes
{
    /// <summary>Prints the results as a plain text table: one row per probe, then the mismatches and a closing count.</summary>
    internal static class ProbeTable
    {
        private static readonly string[] Headers = ["#", "Probe", "Expected", "Observed", "HTTP", "Attempts", "Latency ms", "Usage in/out", "Result", "Notes"];

        public static void Write(TextWriter output, IReadOnlyList<ProbeRow> results, string target)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(results);

            List<string[]> rows = results.Select((result, index) => new[]
            {
                (index + 1).ToString(CultureInfo.InvariantCulture),
                result.Name,
                result.Expected,
                result.Observed,
                result.StatusText,
                result.Skipped ? "-" : result.Attempts.ToString(CultureInfo.InvariantCulture),
                result.Skipped ? "-" : ((long)result.Latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                result.UsageText,
                result.Skipped ? "skipped" : result.AsExpected ? "ok" : "MISMATCH",
                result.Notes,
            }).ToList();

            int[] widths = Headers.Select((header, column) => Math.Max(header.Length, rows.Count == 0 ? 0 : rows.Max(row => row[column].Length))).ToArray();

            output.WriteLine("CometAPI chat completions contract probe: " + target);
            output.WriteLine(Line(Headers, widths));
            output.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
            foreach (string[] row in rows)
            {
                output.WriteLine(Line(row, widths));
            }

            foreach (ProbeRow mismatch in results.Where(result => !result.AsExpected))
            {
                output.WriteLine($"MISMATCH {mismatch.Name}: {mismatch.Mismatch}");
            }

            int expected = results.Count(result => result.AsExpected);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Count} probes: {expected} as expected, {results.Count - expected} not as expected."));
        }

        private static string Line(IReadOnlyList<string> cells, int[] widths)
        {
            var line = new StringBuilder();
            for (int column = 0; column < cells.Count; column++)
            {
                if (column > 0)
                {
                    line.Append(" | ");
                }

                line.Append(column == cells.Count - 1 ? cells[column] : cells[column].PadRight(widths[column]));
            }

            return line.ToString();
        }
    }
}
