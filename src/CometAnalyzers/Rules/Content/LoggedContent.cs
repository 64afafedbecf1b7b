using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Content
{
    /// <summary>
    /// COMET005's gate on a log call's values: a value is cleared when it is a constant, its type never leaks (numbers,
    /// dates, generated models), or it is a parameter, a field or a property that carries no sensitive attribute (and
    /// hands on nothing that does): the finder follows none of those. Locals, calls and interpolations may leak.
    /// </summary>
    internal sealed class LoggedContent : LoggedArguments
    {
        private readonly SensitiveContentSources _sources;

        public LoggedContent(SensitiveContentSources sources) => _sources = sources;

        protected override bool MayLeak(IOperation value, CandidateNode context) => MayLeak(value);

        private bool MayLeak(IOperation value)
        {
            value = Conversions.UnwrapImplicit(value);
            if (value.IsImplicit && ValueParts.Elements(value) is { } elements)
            {
                foreach (IOperation element in elements)
                {
                    if (MayLeak(element))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (value.ConstantValue.HasValue || _sources.NeverLeaks(value.Type))
            {
                return false;
            }

            switch (value)
            {
                case IParameterReferenceOperation:
                    return false;
                case IFieldReferenceOperation:
                    return _sources.SensitiveMember(value) is not null;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    return _sources.SensitiveMember(value) is not null
                        || (SecretLeakFinder.PassesThrough(property.Property.Name) && property.Instance is { } owner && MayLeak(owner));
                default:
                    return true;
            }
        }
    }
}
