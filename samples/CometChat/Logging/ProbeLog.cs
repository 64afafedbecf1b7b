using Microsoft.Extensions.Logging;

namespace CometChat.Logging
{
    /// <summary>
    /// Every log line the sample writes. Arguments are statuses, classes, counts, durations, hosts and model ids:
    /// never a prompt, a completion, a credential or an Authorization header.
    /// </summary>
    internal static partial class ProbeLog
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Probing {Mode} endpoint {Origin}{Path} with model {Model}")]
        public static partial void Target(ILogger logger, string mode, string origin, string path, string model);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Endpoint host {Host} is not one of the contract's hosts ({ContractHosts})")]
        public static partial void UnexpectedHost(ILogger logger, string host, string contractHosts);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Probe {Probe}: observed {Observed}, HTTP {Status}, {Attempts} attempt(s), {LatencyMs} ms, {Verdict}")]
        public static partial void ProbeFinished(ILogger logger, string probe, string observed, string status, int attempts, long latencyMs, string verdict);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Embedded CometAPI server listening on {Address}")]
        public static partial void ServerStarted(ILogger logger, string address);

        [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Embedded server: {Method} {Path} -> {Status} ({Reason})")]
        public static partial void ServerAnswered(ILogger logger, string method, string path, int status, string reason);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Embedded server: the client left before the answer ({Reason})")]
        public static partial void ServerClientGone(ILogger logger, string reason);

        [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Configuration problem: {Problem}")]
        public static partial void ConfigurationProblem(ILogger logger, string problem);

        [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Embedded server failed to answer a request")]
        public static partial void ServerFailed(ILogger logger, System.Exception exception);

        [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Cancelled before every probe ran")]
        public static partial void Cancelled(ILogger logger);
    }
}
