using System;
using System.Net.Http;
using CometChat.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace CometChat.Probes
{
    /// <summary>What every probe shares: the client, the canary model and the contract's retry pipeline.</summary>
    internal sealed class ProbeContext
    {
        private readonly ILogger _logger;

        public ProbeContext(CometChatClient client, string model, ResilienceSettings resilience, ILogger logger)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
            Model = model ?? throw new ArgumentNullException(nameof(model));
            Resilience = resilience ?? throw new ArgumentNullException(nameof(resilience));
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            Pipeline = RetryPipelineFactory.Create(resilience, logger);
        }

        public CometChatClient Client { get; }

        /// <summary>The model the canaries use.</summary>
        public string Model { get; }

        public ResilienceSettings Resilience { get; }

        /// <summary>The contract's pipeline: contract timeouts, contract retry count and statuses.</summary>
        public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

        /// <summary>The same retry rules with other timeouts (the timeout probe's short attempt timeout).</summary>
        public ResiliencePipeline<HttpResponseMessage> PipelineWith(ResilienceSettings settings) => RetryPipelineFactory.Create(settings, _logger);

        /// <summary>A fresh key for the embedded server's "fail once, then succeed" faults.</summary>
        public static string NewFaultKey() => Guid.NewGuid().ToString("N");
    }
}
