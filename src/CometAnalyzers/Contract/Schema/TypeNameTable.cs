using System;
using System.Collections.Generic;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// Hands out unique C# type names in a contract's namespace. Names chosen by the author (schema keys,
    /// x-csharp-name) that collide are COMET104; names the generator invents get a numeric suffix.
    /// </summary>
    internal sealed class TypeNameTable
    {
        private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
        private readonly DiagnosticSink _sink;
        private readonly HashSet<string> _schemaNames = new(StringComparer.Ordinal);

        public TypeNameTable(string contractName, DiagnosticSink sink)
        {
            _sink = sink;
            foreach (string suffix in new[] { "Contract", "JsonContext", "ContractException", "ContractError", "ContractErrorKind", "ContractViolation", "FailureClass", "Json", "KeptJson", "KeptTexts", "EventStream" })
            {
                _owners[contractName + suffix] = "the generated " + contractName + suffix;
            }

            // <Name>JsonContext has a property named after every type: a type must not take the name of its other members.
            foreach (string member in new[] { "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo", "Converter", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" })
            {
                _owners[member] = "the generated " + contractName + "JsonContext." + member;
            }
        }

        /// <summary>
        /// Claims <paramref name="name"/> exactly, reporting COMET104 at <paramref name="anchor"/> when it is taken, or when the
        /// type would declare a member of that name itself (<paramref name="ownMembers"/>; C# forbids it, CS0542).
        /// </summary>
        public string? ClaimExact(string name, string owner, Json.JsonNode anchor, ICollection<string>? ownMembers = null)
        {
            string? existing = ownMembers?.Contains(name) == true ? "a member of the generated type itself" : null;
            if (existing is not null || _owners.TryGetValue(name, out existing))
            {
                _sink.Report(RuleIdentifiers.DuplicateGeneratedName, anchor, owner, name, existing);
                return null;
            }

            _owners[name] = owner;
            return name;
        }

        /// <summary>
        /// Names of declared schemas (contract and referenced documents): invented names keep clear of them,
        /// so an inline schema never takes a name that a declared schema reached later needs.
        /// </summary>
        public void ReserveSchemaNames(IEnumerable<string> names)
        {
            foreach (string name in names)
            {
                _schemaNames.Add(name);
            }
        }

        /// <summary>Claims <paramref name="name"/>, or name2, name3... when it is taken.</summary>
        public string ClaimUnique(string name, string owner, ICollection<string>? ownMembers = null)
        {
            string candidate = name;
            for (int i = 2; _owners.ContainsKey(candidate) || _schemaNames.Contains(candidate) || ownMembers?.Contains(candidate) == true; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _owners[candidate] = owner;
            return candidate;
        }
    }
}
