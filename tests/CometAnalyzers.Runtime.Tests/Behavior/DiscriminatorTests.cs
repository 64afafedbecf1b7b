using System.Text;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// A variant keeps no discriminator of its own, so every occurrence it reads must be its value. Found by the payload
    /// fuzzers: a mislabelled or conflicting discriminator used to be skipped unread, and written back as the variant's.
    /// </summary>
    public class DiscriminatorTests
    {
        private static CometApiContractError Rejects(string json)
        {
            Assert.False(ChatCompletionRequest.TryParse(Encoding.UTF8.GetBytes(json), out _, out CometApiContractError? error));
            return error!;
        }

        [Fact]
        public void A_text_part_labelled_as_another_type_is_WrongType_at_its_type()
        {
            CometApiContractError error = Rejects("""{"model":"m","messages":[{"role":"system","content":[{"type":"refusal","text":"x"}]}]}""");
            Assert.Equal(CometApiContractErrorKind.WrongType, error.Kind);
            Assert.Equal("$.messages[0].content[0].type", error.JsonPath);
        }

        [Fact]
        public void A_later_discriminator_that_disagrees_with_the_first_is_WrongType()
        {
            CometApiContractError error = Rejects("""{"model":"m","messages":[{"role":"user","content":"hi","role":"system"}]}""");
            Assert.Equal(CometApiContractErrorKind.WrongType, error.Kind);
            Assert.Equal("$.messages[0].role", error.JsonPath);
        }

        [Fact]
        public void A_union_case_that_reads_its_discriminator_as_a_property_keeps_the_value_that_chose_it()
        {
            // A refusal part declares "type" itself; a later "type":"text" used to be kept and written back as a text part.
            CometApiContractError error = Rejects("""{"model":"m","messages":[{"role":"assistant","content":[{"type":"refusal","refusal":"no","type":"text"}]}]}""");
            Assert.Equal(CometApiContractErrorKind.WrongType, error.Kind);
            Assert.Equal("$.messages[0].content[0].type", error.JsonPath);
        }

        [Fact]
        public void A_discriminator_that_is_not_text_is_MalformedJson_even_when_duplicated()
        {
            byte[] json = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"hi","role":"?"}]}""");
            json[System.Array.LastIndexOf(json, (byte)'?')] = 0xFF;
            Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(json)).Kind);
        }

        [Fact]
        public void A_variant_read_without_its_union_still_requires_its_discriminator()
        {
            // System messages hold text parts only, so a part is read as a text part directly, not through a union. Found
            // by the payload fuzzers' equivalence check: a part without "type" was accepted and written back with "type":"text".
            CometApiContractError error = Rejects("""{"model":"m","messages":[{"role":"system","content":[{"text":"x"}]}]}""");
            Assert.Equal(CometApiContractErrorKind.MissingRequiredField, error.Kind);
            Assert.Equal("$.messages[0].content[0].type", error.JsonPath);
            Assert.Equal(CometApiContractErrorKind.MissingRequiredField, Assert.Throws<CometApiContractException>(() => TextContentPart.Parse("""{"text":"x"}"""u8)).Kind);
        }

        [Fact]
        public void Through_its_union_a_part_without_a_discriminator_is_an_unknown_part_kept_as_read()
        {
            const string json = """{"model":"m","messages":[{"role":"user","content":[{"text":"x"}]}]}""";
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            UserMessage message = Assert.IsType<UserMessage>(Assert.Single(request.Messages));
            Assert.IsType<UnknownUserContentPart>(Assert.Single(message.Content.AsList!));
            JsonEquivalence.AssertSameText(json, JsonEquivalence.Write(request.WriteTo));
        }

        [Fact]
        public void A_repeated_discriminator_with_the_same_value_is_read_once()
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"hi","role":"u\u0073er"}]}"""));
            Assert.IsType<UserMessage>(Assert.Single(request.Messages));
            JsonEquivalence.AssertSameText("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", JsonEquivalence.Write(request.WriteTo));
        }
    }
}
