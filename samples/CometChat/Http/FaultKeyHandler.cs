using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CometChat.Http
{
    /// <summary>
    /// The sample's one piece of HTTP plumbing, put in front of the generated client's <c>HttpClient</c> only for the embedded
    /// server: while a fault probe runs (<see cref="Begin"/>), each request carries that run's key in
    /// <see cref="HeaderName"/>, by which the server counts the attempts of its "fail once" faults, and each answer's status
    /// is recorded, so the probe can check what the client retried. Probes run one at a time.
    /// </summary>
    internal sealed class FaultKeyHandler : DelegatingHandler
    {
        /// <summary>The header the embedded server counts fault attempts by.</summary>
        public const string HeaderName = "X-Comet-Probe-Id";

        private FaultRun? _current;

        public FaultKeyHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        /// <summary>Starts a fault probe's run with a fresh key; dispose it when the probe's call is over.</summary>
        public FaultRun Begin()
        {
            var run = new FaultRun(this, Guid.NewGuid().ToString("N"));
            Volatile.Write(ref _current, run);
            return run;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            FaultRun? run = Volatile.Read(ref _current);
            if (run is not null)
            {
                request.Headers.TryAddWithoutValidation(HeaderName, run.Key);
            }

            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            run?.Answered((int)response.StatusCode, response.Headers.RetryAfter?.Delta);
            return response;
        }

        /// <summary>One fault probe's key and the statuses its attempts were answered with.</summary>
        internal sealed class FaultRun : IDisposable
        {
            private readonly FaultKeyHandler _handler;
            private readonly List<int> _statuses = [];

            public FaultRun(FaultKeyHandler handler, string key)
            {
                _handler = handler;
                Key = key;
            }

            public string Key { get; }

            /// <summary>The status of every attempt that got an answer, in order (an attempt that timed out has none).</summary>
            public IReadOnlyList<int> Statuses
            {
                get
                {
                    lock (_statuses)
                    {
                        return _statuses.ToArray();
                    }
                }
            }

            /// <summary>The first answer's Retry-After, when it had one as a delay.</summary>
            public TimeSpan? FirstRetryAfter { get; private set; }

            public void Answered(int status, TimeSpan? retryAfter)
            {
                lock (_statuses)
                {
                    if (_statuses.Count == 0)
                    {
                        FirstRetryAfter = retryAfter;
                    }

                    _statuses.Add(status);
                }
            }

            public void Dispose() => Interlocked.CompareExchange(ref _handler._current, null, this);
        }
    }
}
