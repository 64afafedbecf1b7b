namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;EventStream</c>: reads a text/event-stream body (data lines, multi-line data, comments,
    /// CRLF, <c>data: [DONE]</c>) as an async sequence of the contract's stream-event model.
    /// </summary>
    internal static class EventStreamEmitter
    {
        /// <summary>16 MiB: far above any chat-completion chunk, far below what would exhaust memory.</summary>
        private const int MaxEventBytes = 16 * 1024 * 1024;

        public static void Emit(SourceWriter w, EmitContext c)
        {
            string model = TypeNames.Of(c.Spec.StreamEvent!, c);
            w.Line($"/// <summary>Reads {c.ContractName} server-sent events as <see cref=\"{model}\"/> values.</summary>");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public static partial class {c.ContractName}EventStream");
            w.Line("/// <summary>The data payload that ends the stream.</summary>");
            w.Line("public const string Done = \"[DONE]\";");
            w.Line();
            w.Line("/// <summary>The longest line (line break included) and the longest event data read, in bytes; anything longer is <c>InvalidEventStream</c>, so a body without line breaks cannot grow memory without bound.</summary>");
            w.Line($"public const int MaxEventBytes = {SourceWriter.Int(MaxEventBytes)};");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Yields one event per <c>data:</c> payload and stops at <c>data: [DONE]</c>.");
            w.Line($"/// A payload that does not match the contract, or a body that ends before <c>[DONE]</c>, throws <see cref=\"{c.Exception}\"/>.");
            w.Line("/// </summary>");
            w.OpenBlock($"public static async global::System.Collections.Generic.IAsyncEnumerable<{model}> ReadAsync(global::System.IO.Stream stream, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("// Lines are split and data fields joined on the UTF-8 bytes, in pooled buffers: no strings, no transcoding.");
            w.Line("byte[] buffer = global::System.Buffers.ArrayPool<byte>.Shared.Rent(16384);");
            w.Line("byte[] data = global::System.Buffers.ArrayPool<byte>.Shared.Rent(4096);");
            w.Line("int start = 0, end = 0, length = 0;");
            w.Line("bool eof = false, skipLineFeed = false, checkBom = true;");
            w.OpenBlock("try");
            w.OpenBlock("while (true)");
            w.OpenBlock("if (skipLineFeed && start < end)");
            w.Line("// The CR of a CRLF was the last byte of a read: drop its LF.");
            w.Line("if (buffer[start] == (byte)'\\n') { start++; }");
            w.Line("skipLineFeed = false;");
            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (checkBom && (end - start >= 3 || eof))");
            w.Line("if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF) { start += 3; }");
            w.Line("checkBom = false;");
            w.CloseBlock();
            w.Line();
            w.Line("int lineEnd = checkBom ? -1 : IndexOfLineEnd(buffer, start, end);");
            w.OpenBlock("if (lineEnd < 0 && !eof)");
            w.Line("// No whole line buffered: move the partial line to the front, grow when it fills the buffer, read more.");
            w.Line("if (start > 0) { global::System.Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }");
            w.Line("if (end == buffer.Length) { if (end >= MaxEventBytes) { throw TooLarge(); } buffer = Grow(buffer, end, end + 1); }");
            w.Line("int read = await stream.ReadAsync(new global::System.Memory<byte>(buffer, end, buffer.Length - end), cancellationToken).ConfigureAwait(false);");
            w.Line("if (read == 0) { eof = true; } else { end += read; }");
            w.Line("continue;");
            w.CloseBlock();
            w.Line();
            w.Line("int lineLength = (lineEnd < 0 ? end : lineEnd) - start;");
            w.OpenBlock("if (lineLength == 0)");
            w.Line("// A blank line ends an event; the end of the body ends the last one.");
            w.OpenBlock("if (length > 0)");
            w.Line("int payload = length;");
            w.Line("length = 0;");
            w.OpenBlock("if (IsDone(data, payload))");
            w.Line("yield break;");
            w.CloseBlock();
            w.Line();
            w.Line("yield return ParseEvent(data, payload);");
            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (lineEnd < 0)");
            w.Line("// A body cut off before [DONE] is a broken stream, not a complete answer.");
            w.Line($"throw new {c.Exception}(new {c.Error}({c.ErrorKind}.InvalidEventStream, \"$\", \"The event stream ended before data: [DONE].\"));");
            w.CloseBlock();
            w.CloseBlock();
            w.OpenBlock("else if (buffer[start] != (byte)':')");
            w.Line("// A line starting with ':' is a comment, often a keep-alive; event, id and retry fields do not change the payload.");
            w.Line("int colon = IndexOfColon(buffer, start, lineLength);");
            w.OpenBlock("if ((colon < 0 ? lineLength : colon) == 4 && buffer[start] == (byte)'d' && buffer[start + 1] == (byte)'a' && buffer[start + 2] == (byte)'t' && buffer[start + 3] == (byte)'a')");
            w.Line("int valueStart = colon < 0 ? lineLength : colon + 1;");
            w.Line("if (valueStart < lineLength && buffer[start + valueStart] == (byte)' ') { valueStart++; }");
            w.Line("int valueLength = lineLength - valueStart;");
            w.Line("if (length + 1 + valueLength > MaxEventBytes) { throw TooLarge(); }");
            w.Line("if (length + 1 + valueLength > data.Length) { data = Grow(data, length, length + 1 + valueLength); }");
            w.Line("if (length > 0) { data[length++] = (byte)'\\n'; }");
            w.Line("global::System.Buffer.BlockCopy(buffer, start + valueStart, data, length, valueLength);");
            w.Line("length += valueLength;");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (lineEnd < 0)");
            w.Line("start = end; // the last line had no line break");
            w.CloseBlock();
            w.OpenBlock("else");
            w.Line("start = lineEnd + 1;");
            w.OpenBlock("if (buffer[lineEnd] == (byte)'\\r')");
            w.Line("if (start < end) { if (buffer[start] == (byte)'\\n') { start++; } } else { skipLineFeed = true; }");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
            w.OpenBlock("finally");
            w.Line("global::System.Buffers.ArrayPool<byte>.Shared.Return(buffer);");
            w.Line("global::System.Buffers.ArrayPool<byte>.Shared.Return(data);");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
            w.Line($"private static {model} ParseEvent(byte[] data, int length) => {model}.Parse(new global::System.ReadOnlySpan<byte>(data, 0, length));");
            w.Line();
            w.Line("private static bool IsDone(byte[] data, int length) => global::System.MemoryExtensions.SequenceEqual(new global::System.ReadOnlySpan<byte>(data, 0, length), new byte[] { 91, 68, 79, 78, 69, 93 }); // [DONE]");
            w.Line();
            w.OpenBlock("private static int IndexOfLineEnd(byte[] buffer, int start, int end)");
            w.Line("int index = global::System.MemoryExtensions.IndexOfAny(new global::System.ReadOnlySpan<byte>(buffer, start, end - start), (byte)'\\r', (byte)'\\n');");
            w.Line("return index < 0 ? -1 : start + index;");
            w.CloseBlock();
            w.Line();
            w.Line("private static int IndexOfColon(byte[] buffer, int start, int length) => global::System.MemoryExtensions.IndexOf(new global::System.ReadOnlySpan<byte>(buffer, start, length), (byte)':');");
            w.Line();
            w.Line($"private static {c.Exception} TooLarge() => new {c.Exception}(new {c.Error}({c.ErrorKind}.InvalidEventStream, \"$\", \"An event stream line or event is larger than {SourceWriter.Int(MaxEventBytes)} bytes.\"));");
            w.Line();
            w.OpenBlock("private static byte[] Grow(byte[] array, int used, int needed)");
            w.Line("byte[] larger = global::System.Buffers.ArrayPool<byte>.Shared.Rent(global::System.Math.Max(needed, array.Length * 2));");
            w.Line("global::System.Buffer.BlockCopy(array, 0, larger, 0, used);");
            w.Line("global::System.Buffers.ArrayPool<byte>.Shared.Return(array);");
            w.Line("return larger;");
            w.CloseBlock();
            w.CloseBlock();
        }
    }
}
