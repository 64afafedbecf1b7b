using System;
using System.Collections.Generic;
using System.Net.Http;
using CometApi.Contracts;

namespace CometChat.Http
{
    /// <summary>The end of one call: the final answer or the failure that ended it, and every attempt on the way.</summary>
    internal sealed class HttpCallResult : IDisposable
    {
        public HttpCallResult(HttpResponseMessage? response, Exception? failure, AttemptLog attempts, IReadOnlyList<CometApiContractViolation> violations)
        {
            Response = response;
            Failure = failure;
            Attempts = attempts;
            Violations = violations;
        }

        /// <summary>The last answer; null when no attempt got one (transport failure, timeout, or rejected before sending).</summary>
        public HttpResponseMessage? Response { get; }

        /// <summary>What ended the call without an answer: a transport failure, a timeout or a cancellation.</summary>
        public Exception? Failure { get; }

        public AttemptLog Attempts { get; }

        /// <summary>Contract violations found before sending; when there are any, nothing was sent.</summary>
        public IReadOnlyList<CometApiContractViolation> Violations { get; }

        public void Dispose() => Response?.Dispose();
    }
}
