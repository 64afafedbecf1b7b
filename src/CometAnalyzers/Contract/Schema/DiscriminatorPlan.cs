using System.Collections.Generic;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// How strictly a candidate property must tell the branches apart. The strictest rule that any property meets
    /// wins, so a union that one distinct value per branch already told apart keeps the property it had.
    /// </summary>
    internal enum DiscriminatorRule
    {
        OneValueEach,
        SeveralValues,
        OpenDefault,
    }

    /// <summary>What one branch's schema says of a candidate discriminator property (compile-time only).</summary>
    internal sealed class BranchDiscriminator
    {
        public BranchDiscriminator(List<string> values, bool open, bool required, bool nullable)
        {
            Values = values;
            Open = open;
            Required = required;
            Nullable = nullable;
        }

        /// <summary>The values that select this branch; empty for an open one.</summary>
        public List<string> Values { get; }

        /// <summary>Any string: the branch takes the values no other branch owns.</summary>
        public bool Open { get; }

        public bool Required { get; }

        public bool Nullable { get; }
    }

    /// <summary>
    /// The property that tells a union's object branches apart, what each branch owns, and the default branch (-1: none)
    /// with the objects it takes. Compile-time only: the model records it as <c>VariantSpec</c>s and a <c>DefaultVariantSpec</c>.
    /// </summary>
    internal sealed class DiscriminatorPlan
    {
        public DiscriminatorPlan(string propertyName, List<BranchDiscriminator> branches)
        {
            PropertyName = propertyName;
            Branches = branches;
        }

        public string PropertyName { get; }

        public List<BranchDiscriminator> Branches { get; }

        public int DefaultIndex { get; set; } = -1;

        public bool WhenMissing { get; set; }

        public bool WhenNull { get; set; }

        public bool WhenUnlisted { get; set; }
    }
}
