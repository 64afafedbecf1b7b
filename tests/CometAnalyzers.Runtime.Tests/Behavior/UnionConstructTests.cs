using System;
using System.Text;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using Showcase.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// The union constructs of published vendor documents, on the Showcase contract (Contracts/showcase.contract.json):
    /// a $ref to an open enum beside an object, single-value string enums beside objects, a branch that owns several
    /// discriminator values, and a branch whose discriminator is optional. Each payload is read, its typed values checked,
    /// and written back unchanged (by the generated writer and through JsonSerializer).
    /// </summary>
    public class UnionConstructTests
    {
        private static Dashboard RoundTrips(string json)
        {
            Dashboard dashboard = JsonEquivalence.AssertRoundTrips(json, bytes => Dashboard.Parse(bytes), (d, w) => d.WriteTo(w), ShowcaseJsonContext.Default.Dashboard);
            Assert.Equal(json, JsonEquivalence.Write(dashboard.WriteTo)); // member order and absent members too
            return dashboard;
        }

        private static ShowcaseContractError Rejects(string json)
        {
            Assert.False(Dashboard.TryParse(Encoding.UTF8.GetBytes(json), out _, out ShowcaseContractError? error));
            return error!;
        }

        [Fact]
        public void A_theme_name_is_the_open_enum_that_the_ref_names_and_a_custom_theme_the_object()
        {
            Dashboard dashboard = RoundTrips("""{"theme":"dark","accent":{"palette":"#102030"}}""");
            Assert.Equal(ThemeName.Dark, dashboard.Theme!.AsString);
            Assert.Equal("#102030", dashboard.Accent!.AsThemeOrCustomObject!.Palette);

            ThemeName unlisted = RoundTrips("""{"theme":"solarized"}""").Theme!.AsString!.Value;
            Assert.Equal("solarized", unlisted.Value);
            Assert.False(unlisted.IsKnown);
        }

        [Fact]
        public void A_union_wrapped_in_allOf_with_nullable_is_the_same_union_and_accepts_null()
        {
            Assert.Null(RoundTrips("""{"accent":null}""").Accent);
            Assert.True(RoundTrips("""{"accent":"light"}""").Accent!.IsString);
            Assert.Equal("""{"theme":"contrast"}""", JsonEquivalence.Write(new Dashboard { Theme = ThemeName.Contrast }.WriteTo));
        }

        [Fact]
        public void Single_value_string_enums_are_one_open_enum_beside_the_object_case()
        {
            Assert.Equal(RefreshValue.Hourly, RoundTrips("""{"refresh":"hourly"}""").Refresh!.AsString);
            Assert.Equal("every_minute", RoundTrips("""{"refresh":"every_minute"}""").Refresh!.AsString!.Value.Value);
            Assert.Equal("""{"refresh":"live"}""", JsonEquivalence.Write(new Dashboard { Refresh = RefreshValue.Live }.WriteTo));
        }

        [Fact]
        public void The_named_object_branch_is_chosen_by_its_value_and_the_open_one_takes_every_other_object()
        {
            ScheduledRefresh scheduled = Assert.IsType<ScheduledRefresh>(RoundTrips("""{"refresh":{"mode":"scheduled","cron":"0 * * * *"}}""").Refresh!.AsRefreshObject);
            Assert.Equal("0 * * * *", scheduled.Cron);

            RefreshObjectOther other = Assert.IsType<RefreshObjectOther>(RoundTrips("""{"refresh":{"mode":"on_change","debounce":5}}""").Refresh!.AsRefreshObject);
            Assert.Equal("on_change", other.Mode);
            Assert.True(other.AdditionalProperties!.ContainsKey("debounce"));

            RefreshObjectOther withoutMode = Assert.IsType<RefreshObjectOther>(RoundTrips("""{"refresh":{}}""").Refresh!.AsRefreshObject);
            Assert.Equal(string.Empty, withoutMode.Mode);

            Assert.Equal("$.refresh.cron", Rejects("""{"refresh":{"mode":"scheduled"}}""").JsonPath);
        }

        [Fact]
        public void Every_value_a_branch_owns_selects_its_one_variant_and_is_written_back_as_read()
        {
            Dashboard dashboard = RoundTrips("""{"widgets":[{"kind":"chart_bar","series":2},{"kind":"clock","zone":"UTC"},{"kind":"chart"},{"kind":"map","layer":1}]}""");
            Assert.Equal("chart_bar", Assert.IsType<ChartWidget>(dashboard.Widgets![0]).Kind);
            Assert.Equal(2, ((ChartWidget)dashboard.Widgets[0]).Series);
            Assert.Equal("clock", Assert.IsType<ClockWidget>(dashboard.Widgets[1]).Kind);
            Assert.Equal("chart", Assert.IsType<ChartWidget>(dashboard.Widgets[2]).Kind);
            Assert.Equal("map", Assert.IsType<UnknownWidget>(dashboard.Widgets[3]).Kind);
        }

        [Fact]
        public void A_variant_that_owns_several_values_reads_one_value_only()
        {
            ShowcaseContractError conflict = Rejects("""{"widgets":[{"kind":"chart_line","kind":"chart_bar"}]}""");
            Assert.Equal(ShowcaseContractErrorKind.WrongType, conflict.Kind);
            Assert.Equal("$.widgets[0].kind", conflict.JsonPath);

            // Read on its own, not through its base, a value of another variant is not one this variant owns.
            Assert.Equal(ShowcaseContractErrorKind.WrongType, Assert.Throws<ShowcaseContractException>(() => ChartWidget.Parse("""{"kind":"clock"}"""u8)).Kind);
            Assert.Equal(ShowcaseContractErrorKind.MissingRequiredField, Assert.Throws<ShowcaseContractException>(() => ChartWidget.Parse("""{"series":1}"""u8)).Kind);
        }

        [Fact]
        public void A_variant_that_owns_several_values_is_created_with_the_first_or_the_one_given()
        {
            Assert.Equal("""{"kind":"chart","series":1}""", JsonEquivalence.Write(new ChartWidget { Series = 1 }.WriteTo));
            Assert.Equal("""{"kind":"chart_line"}""", JsonEquivalence.Write(new ChartWidget("chart_line").WriteTo));
            Assert.Throws<ArgumentException>(() => new ChartWidget("clock"));
        }

        [Fact]
        public void An_object_without_the_optional_discriminator_is_the_branch_that_may_leave_it_out_and_stays_without_it()
        {
            Dashboard dashboard = RoundTrips("""{"sources":[{"name":"a"},{"kind":"custom","name":"b"},{"kind":null,"name":"c"},{"kind":"feed","url":"https://example.test/rss"},{"kind":"ftp","host":"h"}]}""");
            Assert.Equal("a", Assert.IsType<CustomSource>(dashboard.Sources![0]).Name);
            Assert.Equal("custom", dashboard.Sources[0].Kind);
            Assert.Equal("b", Assert.IsType<CustomSource>(dashboard.Sources[1]).Name);
            Assert.Equal("c", Assert.IsType<CustomSource>(dashboard.Sources[2]).Name);
            Assert.IsType<FeedSource>(dashboard.Sources[3]);
            Assert.Equal("ftp", Assert.IsType<UnknownSource>(dashboard.Sources[4]).Kind);

            Assert.Equal("$.sources[0].name", Rejects("""{"sources":[{"kind":null}]}""").JsonPath);
            Assert.Equal("$.sources[0].kind", Rejects("""{"sources":[{"kind":"custom","name":"d","kind":null}]}""").JsonPath);
        }

        [Fact]
        public void A_variant_with_an_optional_discriminator_is_created_without_it_unless_given()
        {
            Assert.Equal("""{"name":"x"}""", JsonEquivalence.Write(new CustomSource { Name = "x" }.WriteTo));
            Assert.Equal("""{"kind":"custom","name":"x"}""", JsonEquivalence.Write(new CustomSource("custom") { Name = "x" }.WriteTo));
            Assert.Equal("custom", new CustomSource { Name = "x" }.Kind);
        }

        [Fact]
        public void A_free_form_object_branch_keeps_the_object_as_read()
        {
            Dashboard dashboard = RoundTrips("""{"layout":{"columns":[1,2],"dense":true}}""");
            Assert.Equal(2, dashboard.Layout!.AsObject!.Value.GetProperty("columns").GetArrayLength());
            Assert.Equal("grid", RoundTrips("""{"layout":"grid"}""").Layout!.AsString);
        }

        [Fact]
        public void A_free_form_branch_keeps_a_value_of_a_shape_no_case_types_as_Unknown()
        {
            Dashboard dashboard = RoundTrips("""{"extra":[1,{"a":null}]}""");
            Assert.True(dashboard.Extra!.IsUnknown);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, dashboard.Extra.Unknown!.Value.ValueKind);
            Assert.Equal("note", RoundTrips("""{"extra":"note"}""").Extra!.AsString);
        }
    }
}
