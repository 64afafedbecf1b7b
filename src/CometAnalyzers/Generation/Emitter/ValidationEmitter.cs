using System.Globalization;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>The checks <c>Validate()</c> runs for one property: presence, ranges, lengths, counts, and nested models.</summary>
    internal static class ValidationEmitter
    {
        public static void EmitProperty(SourceWriter w, PropertySpec p, EmitContext c)
        {
            string path = $"path + {SourceWriter.Literal("." + p.JsonName)}";
            if (p.IsRequiredNonNull && !p.Type.IsValueType)
            {
                w.Line($"if ({p.Name} is null) {{ {c.Json}.Violation(violations, {path}, \"is required\"); }}");
            }

            // Pattern variables of an if condition live in the enclosing block: each check gets its own name.
            int counter = 0;
            string value = "v" + p.Name;
            string access = $"{p.Name} is {{ }} {value}";
            if (p.Constraints is { } limits)
            {
                if (p.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double)
                {
                    if (limits.Minimum is double min)
                    {
                        (access, value) = Fresh(p, ref counter);
                        w.Line($"if ({access} && {value} < {SourceWriter.DoubleLiteral(min)}) {{ {c.Json}.Violation(violations, {path}, {SourceWriter.Literal("must be at least " + min.ToString("R", CultureInfo.InvariantCulture))}); }}");
                    }

                    if (limits.Maximum is double max)
                    {
                        (access, value) = Fresh(p, ref counter);
                        w.Line($"if ({access} && {value} > {SourceWriter.DoubleLiteral(max)}) {{ {c.Json}.Violation(violations, {path}, {SourceWriter.Literal("must be at most " + max.ToString("R", CultureInfo.InvariantCulture))}); }}");
                    }
                }

                if (p.Type.Kind == TypeKind.String)
                {
                    EmitCount(w, p, ref counter, ".Length", limits.MinLength, limits.MaxLength, "characters", path, c);
                }

                if (p.Type.Kind is TypeKind.List or TypeKind.Map)
                {
                    EmitCount(w, p, ref counter, ".Count", limits.MinItems, limits.MaxItems, "items", path, c);
                }
            }

            EmitNested(w, p.Type, p.Name, path, c, Fresh(p, ref counter).Variable);
        }

        private static (string Access, string Variable) Fresh(PropertySpec p, ref int counter)
        {
            string variable = "v" + p.Name + (counter++).ToString(CultureInfo.InvariantCulture);
            return ($"{p.Name} is {{ }} {variable}", variable);
        }

        private static void EmitCount(SourceWriter w, PropertySpec p, ref int counter, string member, int? min, int? max, string unit, string path, EmitContext c)
        {
            if (min is int low)
            {
                (string access, string value) = Fresh(p, ref counter);
                string count = value + member;
                w.Line($"if ({access} && {count} < {SourceWriter.Int(low)}) {{ {c.Json}.Violation(violations, {path}, \"must have at least {SourceWriter.Int(low)} {unit}\"); }}");
            }

            if (max is int high)
            {
                (string access, string value) = Fresh(p, ref counter);
                string count = value + member;
                w.Line($"if ({access} && {count} > {SourceWriter.Int(high)}) {{ {c.Json}.Violation(violations, {path}, \"must have at most {SourceWriter.Int(high)} {unit}\"); }}");
            }
        }

        /// <summary>Walks into generated models, lists and maps of them, so a nested violation is reported with its path.</summary>
        private static void EmitNested(SourceWriter w, TypeRef type, string member, string path, EmitContext c, string variable)
        {
            if (type.IsGeneratedReference)
            {
                w.Line($"if ({member} is {{ }} {variable}) {{ {variable}.ValidateInto(violations, {path}); }}");
                return;
            }

            if (type.Kind == TypeKind.List && type.Element!.IsGeneratedReference)
            {
                w.Line($"if ({member} is {{ }} {variable}) {{ for (int i = 0; i < {variable}.Count; i++) {{ {variable}[i]?.ValidateInto(violations, {path} + \"[\" + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"); }} }}");
            }
            else if (type.Kind == TypeKind.Map && type.Element!.IsGeneratedReference)
            {
                w.Line($"if ({member} is {{ }} {variable}) {{ foreach (var pair in {variable}) {{ pair.Value?.ValidateInto(violations, {path} + \"['\" + pair.Key + \"']\"); }} }}");
            }
        }
    }
}
