using System;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// What the generated client may read from the contract's own models, found by JSON name in the model spec and only when
    /// the member has the expected kind and is not <c>x-sensitive</c>: the request's <c>model</c> and <c>stream</c>, the
    /// response's <c>model</c>, <c>id</c>, <c>choices</c> and <c>usage</c> (<c>prompt_tokens</c>/<c>completion_tokens</c> or
    /// <c>input_tokens</c>/<c>output_tokens</c>), the same on the stream event. Anything else is left out, never guessed.
    /// </summary>
    internal sealed class ClientShape
    {
        private ClientShape()
        {
        }

        /// <summary>The names the client's files declare in the contract's namespace; a schema type with one of them (ignoring case) means no client.</summary>
        public static readonly string[] DeclaredSuffixes = { "Client", "ClientOptions", "ClientException", "ClientFailureClass" };

        public string Request { get; private set; } = string.Empty;

        public string Response { get; private set; } = string.Empty;

        /// <summary>The stream-event model, when the contract has one the client can stream.</summary>
        public string? StreamEvent { get; private set; }

        /// <summary>The error model, when the contract has one with <c>TryParse</c>.</summary>
        public string? Error { get; private set; }

        public PropertySpec? RequestModel { get; private set; }

        public PropertySpec? RequestStream { get; private set; }

        public Members ResponseMembers { get; private set; } = Members.Empty;

        public Members EventMembers { get; private set; } = Members.Empty;

        /// <summary>The response's <c>choices</c> list: an empty one is a semantic failure.</summary>
        public PropertySpec? Choices { get; private set; }

        /// <summary>The client's shape, or null when the contract or compilation cannot have one (see ClientEmitter).</summary>
        public static ClientShape? Of(EmitContext c)
        {
            ContractSpec spec = c.Spec;
            if (spec.Request is not { } request || spec.Response is not { } response || !HasModelApi(request) || !HasModelApi(response))
            {
                return null;
            }

            foreach (TypeSpec type in spec.Types)
            {
                foreach (string suffix in DeclaredSuffixes)
                {
                    if (string.Equals(type.Name, c.ContractName + suffix, StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }
                }
            }

            var shape = new ClientShape
            {
                Request = TypeNames.Of(request, c),
                Response = TypeNames.Of(response, c),
                StreamEvent = spec.StreamEvent is { } streamEvent && HasModelApi(streamEvent) ? TypeNames.Of(streamEvent, c) : null,
                Error = spec.Error is { } error && HasModelApi(error) ? TypeNames.Of(error, c) : null,
            };

            if (ObjectOf(request, c) is { } requestObject)
            {
                shape.RequestModel = Find(requestObject, "model", TypeKind.String);
                shape.RequestStream = Find(requestObject, "stream", TypeKind.Boolean);
            }

            if (ObjectOf(response, c) is { } responseObject)
            {
                shape.ResponseMembers = MembersOf(responseObject, c);
                shape.Choices = Find(responseObject, "choices", TypeKind.List);
            }

            if (shape.StreamEvent is not null && ObjectOf(spec.StreamEvent!, c) is { } eventObject)
            {
                shape.EventMembers = MembersOf(eventObject, c);
            }

            return shape;
        }

        /// <summary>Objects and discriminated unions have <c>Parse</c>, <c>TryParse</c>, <c>WriteTo</c> and <c>Validate()</c>.</summary>
        private static bool HasModelApi(TypeRef type) => type.Kind is TypeKind.Object or TypeKind.Polymorphic;

        private static ObjectSpec? ObjectOf(TypeRef type, EmitContext c)
            => type.Kind == TypeKind.Object && type.Name is { } name ? c.Find(name) as ObjectSpec : null;

        private static Members MembersOf(ObjectSpec type, EmitContext c)
        {
            PropertySpec? usage = Find(type, "usage", TypeKind.Object);
            PropertySpec? input = null, output = null;
            if (usage is not null && usage.Type.Name is { } usageName && c.Find(usageName) is ObjectSpec usageType)
            {
                input = Find(usageType, "prompt_tokens", TypeKind.Int32, TypeKind.Int64);
                output = Find(usageType, "completion_tokens", TypeKind.Int32, TypeKind.Int64);
                if (input is null || output is null)
                {
                    input = Find(usageType, "input_tokens", TypeKind.Int32, TypeKind.Int64);
                    output = Find(usageType, "output_tokens", TypeKind.Int32, TypeKind.Int64);
                }
            }

            bool hasUsage = input is not null && output is not null;
            return new Members(Find(type, "model", TypeKind.String), Find(type, "id", TypeKind.String), hasUsage ? usage : null, hasUsage ? input : null, hasUsage ? output : null);
        }

        private static PropertySpec? Find(ObjectSpec type, string jsonName, params TypeKind[] kinds)
        {
            foreach (PropertySpec property in type.Properties)
            {
                if (property.JsonName == jsonName && !property.Sensitive && Array.IndexOf(kinds, property.Type.Kind) >= 0)
                {
                    return property;
                }
            }

            return null;
        }

        /// <summary>The telemetry members of a response or stream event; each null when the contract has no such member.</summary>
        internal sealed class Members
        {
            public static readonly Members Empty = new(null, null, null, null, null);

            public Members(PropertySpec? model, PropertySpec? id, PropertySpec? usage, PropertySpec? inputTokens, PropertySpec? outputTokens)
            {
                Model = model;
                Id = id;
                Usage = usage;
                InputTokens = inputTokens;
                OutputTokens = outputTokens;
            }

            public PropertySpec? Model { get; }

            public PropertySpec? Id { get; }

            public PropertySpec? Usage { get; }

            public PropertySpec? InputTokens { get; }

            public PropertySpec? OutputTokens { get; }

            public bool HasUsage => Usage is not null;
        }
    }
}
