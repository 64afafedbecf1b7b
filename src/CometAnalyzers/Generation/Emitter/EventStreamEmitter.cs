namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;EventStream</c>: reads a text/event-stream body (data lines, multi-line data, comments,
    /// CRLF, <c>data: [DONE]</c>) as an async sequence of the contract's stream-event model.
    /// </summary>
    internal static class EventStreamEmitter
    {
        public static void Emit(SourceWriter w, EmitContext c)
        {
            string model = TypeNames.Of(c.Spec.StreamEvent!, c);
            w.Line($"/// <summary>Reads {c.ContractName} server-sent events as <see cref=\"{model}\"/> values.</summary>");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public static partial class {c.ContractName}EventStream");
            w.Line("/// <summary>The data payload that ends the stream.</summary>");
            w.Line("public const string Done = \"[DONE]\";");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Yields one event per <c>data:</c> payload and stops at <c>data: [DONE]</c>.");
            w.Line($"/// A payload that does not match the contract, or a body that ends before <c>[DONE]</c>, throws <see cref=\"{c.Exception}\"/>.");
            w.Line("/// </summary>");
            w.OpenBlock($"public static async global::System.Collections.Generic.IAsyncEnumerable<{model}> ReadAsync(global::System.IO.Stream stream, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("using var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8, false, 16384, leaveOpen: true);");
            w.Line("var data = new global::System.Text.StringBuilder();");
            w.OpenBlock("while (true)");
            w.Line("string? line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);");
            w.OpenBlock("if (line is null || line.Length == 0)");
            w.Line("// A blank line ends an event; the end of the body ends the last one.");
            w.OpenBlock("if (data.Length > 0)");
            w.Line("string payload = data.ToString();");
            w.Line("data.Clear();");
            w.OpenBlock("if (payload == Done)");
            w.Line("yield break;");
            w.CloseBlock();
            w.Line();
            w.Line($"yield return {model}.Parse(global::System.Text.Encoding.UTF8.GetBytes(payload));");
            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (line is null)");
            w.Line("// A body cut off before [DONE] is a broken stream, not a complete answer.");
            w.Line($"throw new {c.Exception}(new {c.Error}({c.ErrorKind}.InvalidEventStream, \"$\", \"The event stream ended before data: [DONE].\"));");
            w.CloseBlock();
            w.Line();
            w.Line("continue;");
            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (line[0] == ':')");
            w.Line("continue; // a comment, often a keep-alive");
            w.CloseBlock();
            w.Line();
            w.Line("int colon = line.IndexOf(':');");
            w.Line("string field = colon < 0 ? line : line.Substring(0, colon);");
            w.OpenBlock("if (field != \"data\")");
            w.Line("continue; // event, id and retry fields do not change the payload");
            w.CloseBlock();
            w.Line();
            w.Line("string value = colon < 0 ? string.Empty : line.Substring(colon + 1);");
            w.Line("if (value.Length > 0 && value[0] == ' ') { value = value.Substring(1); }");
            w.Line("if (data.Length > 0) { data.Append('\\n'); }");
            w.Line("data.Append(value);");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }
    }
}
