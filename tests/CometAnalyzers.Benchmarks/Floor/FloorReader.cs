using System;
using System.Text.Json;

namespace CometAnalyzers.Benchmarks.Floor
{
    /// <summary>
    /// The floor: one Utf8JsonReader pass over the payload that materializes the same strings the generated model keeps
    /// (every string value, except open-enum and discriminator values the model maps to static instances) and reads
    /// every number, but builds no objects or lists. Free-form JSON members (function <c>parameters</c>, json-schema
    /// <c>schema</c>) are skipped: the model keeps those as a JsonElement and allocates no strings for them.
    /// Nothing can parse into a model faster than this; the gap to it is the cost of building the model.
    /// </summary>
    public static class FloorReader
    {
        /// <summary>String values the model does not allocate for: known values of these members.</summary>
        public sealed class Profile
        {
            public Profile(params (string Member, string[] KnownValues)[] enums)
            {
                Members = new byte[enums.Length][];
                Known = new byte[enums.Length][][];
                for (int i = 0; i < enums.Length; i++)
                {
                    Members[i] = System.Text.Encoding.UTF8.GetBytes(enums[i].Member);
                    Known[i] = Array.ConvertAll(enums[i].KnownValues, v => System.Text.Encoding.UTF8.GetBytes(v));
                }
            }

            internal byte[][] Members { get; }

            internal byte[][][] Known { get; }
        }

        private static readonly string[] FinishReasons = { "stop", "length", "tool_calls", "content_filter", "function_call" };
        private static readonly string[] ServiceTiers = { "auto", "default", "flex", "scale", "priority", "fast" };
        private static readonly string[] Roles = { "developer", "system", "user", "assistant", "tool" };

        /// <summary>Response: the message role is a plain string in the model (allocated); finish reason and tier are open enums.</summary>
        public static readonly Profile Response = new(("finish_reason", FinishReasons), ("service_tier", ServiceTiers));

        /// <summary>Chunk: the delta role is an open enum too.</summary>
        public static readonly Profile Chunk = new(("finish_reason", FinishReasons), ("service_tier", ServiceTiers), ("role", Roles));

        /// <summary>
        /// Request: message role and content-part / response-format type are discriminators (not stored);
        /// tool choice mode, reasoning effort, image detail and tier are open enums; tool and tool-call types are stored strings.
        /// </summary>
        public static readonly Profile Request = new(
            ("role", Roles),
            ("type", new[] { "text", "image_url", "refusal", "json_schema", "json_object" }),
            ("tool_choice", new[] { "none", "auto", "required" }),
            ("reasoning_effort", new[] { "none", "minimal", "low", "medium", "high", "xhigh", "max" }),
            ("detail", new[] { "auto", "low", "high" }),
            ("service_tier", ServiceTiers));

        public static readonly Profile Error = new();

        private static ReadOnlySpan<byte> Parameters => "parameters"u8;

        private static ReadOnlySpan<byte> Schema => "schema"u8;

        /// <summary>Reads the whole payload; returns a checksum of what it read so the work cannot be optimized away.</summary>
        public static long Read(ReadOnlySpan<byte> utf8Json, Profile profile)
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            long checksum = 0;
            int member = -1;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        member = -1;
                        if (reader.ValueTextEquals(Parameters) || reader.ValueTextEquals(Schema))
                        {
                            reader.Read();
                            reader.Skip();
                            break;
                        }

                        byte[][] members = profile.Members;
                        for (int i = 0; i < members.Length; i++)
                        {
                            if (reader.ValueTextEquals(members[i]))
                            {
                                member = i;
                                break;
                            }
                        }

                        break;
                    case JsonTokenType.String:
                        if (member >= 0 && IsKnown(ref reader, profile.Known[member]))
                        {
                            checksum++;
                        }
                        else
                        {
                            checksum += reader.GetString()!.Length;
                        }

                        member = -1;
                        break;
                    case JsonTokenType.Number:
                        if (reader.TryGetInt64(out long integer))
                        {
                            checksum += integer;
                        }
                        else
                        {
                            checksum += (long)reader.GetDouble();
                        }

                        member = -1;
                        break;
                    default:
                        checksum++;
                        break;
                }
            }

            return checksum;
        }

        private static bool IsKnown(ref Utf8JsonReader reader, byte[][] known)
        {
            for (int i = 0; i < known.Length; i++)
            {
                if (reader.ValueTextEquals(known[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
