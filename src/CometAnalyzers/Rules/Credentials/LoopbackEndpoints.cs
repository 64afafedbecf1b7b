using System;
using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Credentials
{
    /// <summary>
    /// A key handed to a client whose endpoint, written beside it, is on this machine: in the same call
    /// (<c>new OpenAIClient(new ApiKeyCredential("lm-studio"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:1234/v1") })</c>),
    /// or in the same object initializer (<c>new ModelConfig { Endpoint = "http://127.0.0.1:11434", ApiKey = "ollama-local" }</c>).
    /// Local model servers (Ollama, LM Studio, llama.cpp, Docker Model Runner) accept any key, and the OpenAI-compatible
    /// clients refuse to run without one, so such code passes a made-up value that never leaves the machine: not a
    /// credential to rotate. A key sent anywhere else, or with an endpoint the code reads at run time, is judged as usual.
    /// </summary>
    internal static class LoopbackEndpoints
    {
        // How far up from the key: its credential object, the argument, the call, the call's argument... A key is
        // written within a few levels of the endpoint it goes with.
        private const int MaxLevels = 6;

        public static bool SentOnlyToLoopback(IOperation key)
        {
            IOperation? node = key;
            for (int level = 0; level < MaxLevels && node?.Parent is { } parent; level++, node = parent)
            {
                switch (parent)
                {
                    case IObjectOrCollectionInitializerOperation initializer when HasLoopbackMember(initializer):
                        return true;
                    case IArgumentOperation argument when argument.Parent is { } call && HasLoopbackArgument(call, argument):
                        return true;
                    case IBlockOperation or IExpressionStatementOperation or IReturnOperation or IAnonymousFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Another argument of the call that takes an address, or an options object whose initializer sets one.</summary>
        private static bool HasLoopbackArgument(IOperation call, IArgumentOperation keyArgument)
        {
            IEnumerable<IArgumentOperation> arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => Array.Empty<IArgumentOperation>(),
            };

            foreach (IArgumentOperation argument in arguments)
            {
                if (argument == keyArgument || argument.Parameter is not { } parameter)
                {
                    continue;
                }

                bool namesAddress = EndpointNames.IsAddressName(parameter.Name) || IsUri(parameter.Type);
                if ((namesAddress && IsLoopbackUrl(argument.Value)) || IsLoopbackOptions(argument.Value))
                {
                    return true;
                }
            }

            return call is IObjectCreationOperation { Initializer: { } own } && HasLoopbackMember(own);
        }

        /// <summary><c>new VendorOptions { Endpoint = new Uri("http://localhost:1234") }</c>, directly or through a local assigned once.</summary>
        private static bool IsLoopbackOptions(IOperation value)
        {
            value = Conversions.Unwrap(value);
            if (value is ILocalReferenceOperation local)
            {
                List<LocalWrite> writes = LocalWrites.Find(local);
                return writes.Count == 1 && writes[0] is { Kind: LocalWriteKind.Assignment, Value: { } written } && IsLoopbackOptions(written);
            }

            return value is IObjectCreationOperation { Initializer: { } initializer } && HasLoopbackMember(initializer);
        }

        private static bool HasLoopbackMember(IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation, Value: var value } assignment
                    && MemberName(assignment.Target) is { } name && EndpointNames.IsAddressName(name) && IsLoopbackUrl(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constant http(s) URL (as text or <c>new Uri(text)</c>) whose host is this machine.</summary>
        private static bool IsLoopbackUrl(IOperation value)
        {
            value = Conversions.Unwrap(value);
            if (value is IObjectCreationOperation { Type: { } type, Arguments.Length: > 0 } uri && IsUri(type))
            {
                value = Conversions.Unwrap(uri.Arguments[0].Value);
            }

            return ConstantText.TryGet(value, out string text) && EndpointText.TryParseHttpUrl(text, out Uri parsed)
                && (EndpointText.IsLoopback(parsed.Host) || HostNames.IsLoopbackAlias(parsed.Host));
        }

        private static string? MemberName(IOperation target) => target switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            _ => null,
        };

        private static bool IsUri(ITypeSymbol type) => type is { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }
}
