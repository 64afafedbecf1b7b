using System.Collections.Generic;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Contract
{
    /// <summary>Descriptors of the COMET1xx diagnostics reported at a place in a contract file.</summary>
    internal static class ContractDescriptors
    {
        public static readonly DiagnosticDescriptor MalformedJson = Create(
            RuleIdentifiers.MalformedJson,
            "Contract file is not valid JSON",
            "The contract file is not valid JSON: {0}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor WrongValueType = Create(
            RuleIdentifiers.WrongValueType,
            "Contract key has the wrong type",
            "'{0}' must be {1}, but it is {2}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnresolvedReference = Create(
            RuleIdentifiers.UnresolvedReference,
            "Reference cannot be resolved",
            "{0} cannot be resolved: {1}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ReferenceCycle = Create(
            RuleIdentifiers.ReferenceCycle,
            "$ref cycle",
            "$ref '{0}' leads back to itself ({1}) without reaching a schema",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateGeneratedName = Create(
            RuleIdentifiers.DuplicateGeneratedName,
            "Two schemas map to the same C# name",
            "'{0}' maps to the C# name '{1}', which {2} already uses; rename one or set \"x-csharp-name\"",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidName = Create(
            RuleIdentifiers.InvalidName,
            "Contract name is not a valid C# identifier",
            "'{0}' value '{1}' is not valid: {2}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MissingRequiredKey = Create(
            RuleIdentifiers.MissingRequiredKey,
            "Contract is missing a required key",
            "The contract is missing {0}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UntypedSchema = Create(
            RuleIdentifiers.UntypedSchema,
            "Schema cannot be typed and is generated as JsonElement",
            "'{0}' is generated as JsonElement: {1}",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidValue = Create(
            RuleIdentifiers.InvalidValue,
            "Contract value is out of range",
            "'{0}' value {1} is not valid: {2}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateKey = Create(
            RuleIdentifiers.DuplicateKey,
            "Duplicate key in a contract object",
            "{0}",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor OverlayTargetSelectsNothing = Create(
            RuleIdentifiers.OverlayTargetSelectsNothing,
            "Overlay action selects nothing",
            "The overlay action's target '{0}' selects nothing in {1}, so the action changes nothing",
            DiagnosticSeverity.Warning);

        public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
        {
            MalformedJson, WrongValueType, UnresolvedReference, ReferenceCycle, DuplicateGeneratedName,
            InvalidName, MissingRequiredKey, UntypedSchema, InvalidValue, DuplicateKey, OverlayTargetSelectsNothing,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = CreateIndex();

        public static DiagnosticDescriptor Get(string id) => ById[id];

        private static Dictionary<string, DiagnosticDescriptor> CreateIndex()
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticDescriptor descriptor in All)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
            => new(
                id,
                title,
                message,
                RuleIdentifiers.ContractCategory,
                severity,
                isEnabledByDefault: true,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
