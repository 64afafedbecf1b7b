namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The text COMET004's fix puts in place of a status predicate: <c>Contract.IsRetryable(status)</c>, negated when the
    /// predicate's value on the retrying path is false, with a null test for nullable statuses.
    /// </summary>
    internal static class StatusPredicateRewrite
    {
        /// <summary>True when the replacement needs C# 9 patterns (<c>is { } status</c>, <c>is not ...</c>).</summary>
        public static bool NeedsPatterns(StatusExpression status) => status.IsNullable;

        /// <summary>True when <see cref="CatchFilter"/> needs C# 9 patterns: everything but a ClientResultException clause.</summary>
        public static bool CatchFilterNeedsPatterns(string clauseType) => clauseType != StatusReads.ClientResultException;

        /// <param name="status">The status the predicate reads.</param>
        /// <param name="retryWhen">The value the predicate had on the path that retried.</param>
        /// <param name="contractType">The generated class, e.g. <c>global::CometApi.Contracts.CometApiContract</c>.</param>
        /// <param name="names">Picks the pattern variable for nullable statuses.</param>
        public static string Replacement(StatusExpression status, bool retryWhen, string contractType, UniqueNames names)
        {
            if (!status.IsNullable)
            {
                string check = IsRetryable(contractType, status.Text);
                return retryWhen ? check : "!" + check;
            }

            string variable = names.Pick("status", "statusCode");
            string retryable = IsRetryable(contractType, variable);
            if (status.IsFromException)
            {
                // No status means no response arrived: a transport failure, which stays retryable.
                return retryWhen
                    ? $"{status.Text} is not {{ }} {variable} || {retryable}"
                    : $"{status.Text} is {{ }} {variable} && !{retryable}";
            }

            return retryWhen
                ? $"{status.Text} is {{ }} {variable} && {retryable}"
                : $"!({status.Text} is {{ }} {variable} && {retryable})";
        }

        /// <summary>The catch filter that lets only retryable statuses through to the retrying catch block.</summary>
        public static string CatchFilter(string exception, string clauseType, string? caughtType, string contractType, UniqueNames names)
        {
            if (clauseType == StatusReads.ClientResultException)
            {
                return IsRetryable(contractType, exception + ".Status");
            }

            string variable = names.Pick("status", "statusCode");
            string retryable = IsRetryable(contractType, variable);
            if (clauseType == StatusReads.HttpRequestException)
            {
                return $"{exception}.StatusCode is not {{ }} {variable} || {retryable}";
            }

            return caughtType == StatusReads.ClientResultException
                ? $"{exception} is not global::{StatusReads.ClientResultException} {{ Status: var {variable} }} || {retryable}"
                : $"{exception} is not global::{StatusReads.HttpRequestException} {{ StatusCode: {{ }} {variable} }} || {retryable}";
        }

        private static string IsRetryable(string contractType, string argument) => contractType + ".IsRetryable(" + argument + ")";
    }
}
