using System.IO;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Runtime.Tests.Parcel;
using ParcelStrictContractErrorKind = CometAnalyzers.Runtime.Tests.ParcelStrict.ParcelStrictContractErrorKind;
using ParcelStrictContractException = CometAnalyzers.Runtime.Tests.ParcelStrict.ParcelStrictContractException;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.RoundTrip
{
    /// <summary>
    /// Contracts/parcel.openapi.json says every tracking event has a depot and every depot a country; the service sends
    /// events without either. Contracts/parcel.contract.json corrects the document with overlays (one written in the
    /// contract, one in parcel-fixes.overlay.json); parcel-strict.contract.json references the same document as it is.
    /// </summary>
    public class OverlayContractTests
    {
        /// <summary>An 'accepted' scan: no depot, which the vendor document requires.</summary>
        private const string AcceptedScan = """{"parcel_id":"P-1","status":"accepted","scanned_at":1717000000}""";

        /// <summary>A scan at a domestic depot: no country, a name the document does not declare, a status it does not list.</summary>
        private const string DepotScan = """{"parcel_id":"P-1","status":"returned","location":{"code":"AMS-3","name":"Schiphol South"},"scanned_at":1717003600}""";

        private static string Write(TrackingEvent value)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                value.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        [Fact]
        public void A_payload_without_a_field_the_document_requires_round_trips_once_an_overlay_makes_it_optional()
        {
            TrackingEvent scan = TrackingEvent.Parse(Encoding.UTF8.GetBytes(AcceptedScan));
            Assert.Null(scan.Location);
            Assert.Equal("P-1", scan.ParcelId);
            JsonEquivalence.AssertEquivalent(AcceptedScan, Write(scan));
            JsonEquivalence.AssertEquivalent(AcceptedScan, JsonSerializer.Serialize(JsonSerializer.Deserialize(AcceptedScan, ParcelJsonContext.Default.TrackingEvent)!, ParcelJsonContext.Default.TrackingEvent));
        }

        [Fact]
        public void The_same_document_without_the_overlay_still_requires_the_field()
        {
            ParcelStrictContractException exception = Assert.Throws<ParcelStrictContractException>(
                () => CometAnalyzers.Runtime.Tests.ParcelStrict.TrackingEvent.Parse(Encoding.UTF8.GetBytes(AcceptedScan)));
            Assert.Equal(ParcelStrictContractErrorKind.MissingRequiredField, exception.Kind);
            Assert.Equal("$.location", exception.JsonPath);
        }

        [Fact]
        public void The_overlay_file_and_the_update_shape_the_nested_model()
        {
            TrackingEvent scan = TrackingEvent.Parse(Encoding.UTF8.GetBytes(DepotScan));
            Assert.NotNull(scan.Location);
            Assert.Null(scan.Location!.Country);
            Assert.Equal("Schiphol South", scan.Location.Name);
            Assert.Equal(TrackingEventStatus.Returned, scan.Status);
            Assert.True(scan.Status.IsKnown);
            JsonEquivalence.AssertEquivalent(DepotScan, Write(scan));
        }

        [Fact]
        public void Building_a_corrected_model_needs_only_what_the_corrected_document_requires()
        {
            var scan = new TrackingEvent { ParcelId = "P-2", Status = TrackingEventStatus.Accepted, ScannedAt = System.DateTimeOffset.FromUnixTimeSeconds(1717000000) };
            JsonEquivalence.AssertEquivalent("""{"parcel_id":"P-2","status":"accepted","scanned_at":1717000000}""", Write(scan));
            Assert.Empty(scan.Validate());
        }
    }
}
