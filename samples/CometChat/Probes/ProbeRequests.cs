using CometApi.Contracts;

namespace CometChat.Probes
{
    /// <summary>The probe's request. The canary prompt is fixed and harmless, and is never logged or printed.</summary>
    internal static class ProbeRequests
    {
        private const string CanaryPrompt = "Return the word pong.";

        /// <summary>The minimal valid request: model and one user message.</summary>
        public static ChatCompletionRequest Canary(string model) => new()
        {
            Model = model,
            Messages = [new UserMessage { Content = CanaryPrompt }],
        };
    }
}
