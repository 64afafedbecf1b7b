using System.Collections.Generic;
using CometAnalyzers.Common;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// A class under construction. Mutable only while compiling (recursive schemas and polymorphic bases are
    /// attached after the class is first seen); frozen into an <see cref="ObjectSpec"/> at the end.
    /// </summary>
    internal sealed class ObjectBuilder
    {
        public ObjectBuilder(string name, string? description, bool deprecated)
        {
            Name = name;
            Description = description;
            Deprecated = deprecated;
        }

        public string Name { get; }

        public string? Description { get; }

        public bool Deprecated { get; }

        public List<PropertySpec> Properties { get; } = new();

        public string? BaseType { get; set; }

        public string? DiscriminatorJsonName { get; set; }

        public string? DiscriminatorValue { get; set; }

        /// <summary>Set when the variant keeps its discriminator as written (several values, any string, or optional).</summary>
        public KeptDiscriminatorSpec? KeptDiscriminator { get; set; }

        public ObjectSpec Build()
        {
            var properties = new List<PropertySpec>(Properties.Count);
            bool discriminatorRequired = false;
            foreach (PropertySpec property in Properties)
            {
                // A variant's discriminator is a fixed override on the base type, not a settable property.
                if (BaseType is null || property.JsonName != DiscriminatorJsonName)
                {
                    properties.Add(property);
                }
                else
                {
                    discriminatorRequired = property.IsRequiredNonNull;
                }
            }

            return new ObjectSpec(Name, Description, Deprecated, properties.ToEquatableArray(), BaseType, DiscriminatorJsonName, DiscriminatorValue, discriminatorRequired, KeptDiscriminator);
        }
    }
}
