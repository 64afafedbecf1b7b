namespace CometAnalyzers.Rules
{
    /// <summary>Every diagnostic id the package reports, in one place. Each has a page at docs/rules/ID.md.</summary>
    internal static class RuleIdentifiers
    {
        // Code rules: contract violations in C# code.
        public const string HardcodedEndpoint = "COMET001";
        public const string SecretWrittenToLog = "COMET002";
        public const string UnboundedRetry = "COMET003";
        public const string RetryOnNonRetryableStatus = "COMET004";
        public const string SensitiveContentWrittenToLog = "COMET005";
        public const string HardcodedCredential = "COMET006";

        // Heuristic twins of the code rules: the same kind of problem found without the contract naming it (any remote
        // URL at an HTTP call, a value whose name says it is a secret). Warnings by default: a team opts in to failing.
        public const string HardcodedRemoteUrl = "COMET011";
        public const string SecretNamedValueWrittenToLog = "COMET012";

        // Contract-file diagnostics: reported at a line and column of a *.contract.json file.
        public const string MalformedJson = "COMET100";
        public const string WrongValueType = "COMET101";
        public const string UnresolvedReference = "COMET102";
        public const string ReferenceCycle = "COMET103";
        public const string DuplicateGeneratedName = "COMET104";
        public const string InvalidName = "COMET105";
        public const string MissingRequiredKey = "COMET106";
        public const string UntypedSchema = "COMET107";
        public const string InvalidValue = "COMET108";
        public const string DuplicateKey = "COMET109";
        public const string OverlayTargetSelectsNothing = "COMET110";

        public const string ContractCategory = "CometContract";
        public const string UsageCategory = "CometUsage";

        private const string HelpLinkBase = "https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
    }
}
