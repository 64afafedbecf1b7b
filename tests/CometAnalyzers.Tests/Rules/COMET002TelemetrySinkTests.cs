using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The telemetry sinks COMET005 brought, which COMET002 and COMET012 share: Activity events and metric tags.</summary>
    public class COMET002TelemetrySinkTests
    {
        [Fact]
        public Task Activity_event_tags_and_metric_tags_are_sinks()
            => Test("""
                class C
                {
                    void M(Activity activity, System.Diagnostics.Metrics.Counter<int> calls, HttpRequestMessage request, string apiKey)
                    {
                        activity.AddEvent(new ActivityEvent("sent", tags: new ActivityTagsCollection { { "auth", {|COMET002:request.Headers.Authorization|} } }));
                        calls.Add(1, new KeyValuePair<string, object?>("key", {|COMET012:apiKey|}));
                        calls.Add(1, new KeyValuePair<string, object?>("host", request.RequestUri?.Host));
                        calls.Add(apiKey.Length);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_collection_Add_or_a_non_instrument_Record_is_not_a_sink()
            => Test("""
                class Recorder
                {
                    public void Record(string name, string value) { }
                }

                class C
                {
                    void M(List<string> keys, Dictionary<string, string> map, Recorder recorder, string apiKey)
                    {
                        keys.Add(apiKey);
                        map.Add("key", apiKey);
                        recorder.Record("key", apiKey);
                    }
                }
                """).RunAsync();
    }
}
