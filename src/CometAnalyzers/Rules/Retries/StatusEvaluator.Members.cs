using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Properties and calls: where status codes enter the interpreter and where sends throw.</summary>
    internal sealed partial class StatusEvaluator
    {
        private StatusValue Property(IPropertyReferenceOperation reference)
        {
            if (reference.Instance is null)
            {
                return Children(reference);
            }

            StatusValue instance = Evaluate(reference.Instance);
            if (reference.Property.Name == "Result" && _symbols.IsTaskType(reference.Property.ContainingType))
            {
                // task.Result blocks for what an await gives, but throws the failure wrapped in an AggregateException,
                // which a catch clause for the original type does not take.
                return instance.Kind == ValueKind.Thrown ? StatusValue.Throw(StatusValue.ExceptionOf(_symbols.AggregateException, status: null, statusKnown: false)) : instance;
            }

            return instance.Kind == ValueKind.Thrown ? instance : Member(instance, reference.Property);
        }

        /// <summary>Reads <paramref name="property"/> of a value; a null receiver gives null, as <c>?.</c> and patterns do.</summary>
        public StatusValue Member(StatusValue instance, IPropertySymbol property)
        {
            if (property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return property.Name == "HasValue"
                    ? instance.Kind == ValueKind.Null ? StatusValue.Bool(false, instance.FromStatus) : instance.Kind is ValueKind.Int or ValueKind.Bool ? StatusValue.Bool(true, instance.FromStatus) : StatusValue.Vague(instance)
                    : instance;
            }

            switch (instance.Kind)
            {
                case ValueKind.Null:
                    return instance;
                case ValueKind.Response when TypeChecks.Is(property.ContainingType, _symbols.HttpResponseMessage):
                    return ResponseMember(property.Name);
                case ValueKind.Outcome when TypeChecks.Is(property.ContainingType, _symbols.OutcomeOfT):
                    return OutcomeMember(instance.Inner!, property.Name);
                case ValueKind.PredicateArguments when property.Name == "Outcome":
                    return instance.Inner!;
                case ValueKind.Exception:
                    return ExceptionMember(instance, property);
                case ValueKind.Unknown:
                    return StatusValue.Unknown;
                default:
                    return StatusValue.Opaque;
            }
        }

        private StatusValue ResponseMember(string name)
        {
            if (Scenario.Status is not { } status)
            {
                return StatusValue.Unknown;
            }

            if (name is "StatusCode" or "IsSuccessStatusCode")
            {
                NoteStatusRead();
            }

            return name switch
            {
                "StatusCode" => StatusValue.Int(status, fromStatus: true),
                "IsSuccessStatusCode" => StatusValue.Bool(Scenario.IsSuccessStatus(status), fromStatus: true),

                // Headers, content, reason phrase: they come with the response, so they differ from one outcome to the next.
                _ => StatusValue.Unknown,
            };
        }

        private static StatusValue OutcomeMember(StatusValue content, string name)
        {
            bool hasResult = content.Kind == ValueKind.Response;
            return name switch
            {
                "Result" => hasResult ? content : StatusValue.Null(fromStatus: true),
                "Exception" => hasResult ? StatusValue.Null(fromStatus: true) : content,
                "HasResult" => StatusValue.Bool(hasResult, fromStatus: true),
                _ => StatusValue.Opaque,
            };
        }

        private void NoteStatusRead()
        {
            ReadStatus = true;
            EverReadStatus = true;
        }

        private StatusValue ExceptionMember(StatusValue exception, IPropertySymbol property)
        {
            bool httpStatus = property.Name == "StatusCode" && TypeChecks.Is(property.ContainingType, _symbols.HttpRequestException);
            bool clientStatus = property.Name == "Status" && TypeChecks.Is(property.ContainingType, _symbols.ClientResultException);
            if (!httpStatus && !clientStatus)
            {
                // HttpRequestError, InnerException, Message: they describe this failure, not a constant.
                return StatusValue.Unknown;
            }

            if (!exception.ExceptionStatusKnown)
            {
                return StatusValue.Unknown;
            }

            // A failure without a response: HttpRequestException.StatusCode is null, ClientResultException.Status is 0.
            NoteStatusRead();
            return exception.ExceptionStatus is { } status
                ? StatusValue.Int(status, fromStatus: true)
                : httpStatus ? StatusValue.Null(fromStatus: true) : StatusValue.Int(0, fromStatus: true);
        }

        private StatusValue Invoke(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            SendKind send = HttpSends.Classify(invocation, _symbols);
            if (send != SendKind.None)
            {
                StatusValue inputs = Children(invocation);
                return inputs.Kind == ValueKind.Thrown ? inputs : Send(send);
            }

            if (method.Name == "EnsureSuccessStatusCode" && TypeChecks.Is(method.ContainingType, _symbols.HttpResponseMessage))
            {
                StatusValue response = Evaluate(invocation.Instance);
                if (response.Kind != ValueKind.Response)
                {
                    return Propagate(response, StatusValue.Vague(response));
                }

                return Scenario.IsSuccess ? response : StatusValue.Throw(StatusException(_symbols.HttpRequestException));
            }

            if (KnownResult(invocation) is { } known)
            {
                return known;
            }

            if (InlineHelper(invocation) is { } inlined)
            {
                return inlined;
            }

            StatusValue evaluated = Children(invocation);
            if (evaluated.Kind == ValueKind.Unknown && !CallPolicy.IsHarmless(method, _symbols))
            {
                SawUnseenCall = true;
            }

            return evaluated;
        }

        /// <summary>Calls whose result the interpreter computes: contract checks, task wrappers, ConfigureAwait, Polly's PredicateResult, Contains.</summary>
        private StatusValue? KnownResult(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            int count = invocation.Arguments.Length;
            if (method.Name == "IsRetryable" && count == 1 && _symbols.ContractFor(method.ContainingType) is { } contract)
            {
                StatusValue status = Evaluate(invocation.Arguments[0]);
                return status.Kind == ValueKind.Int ? StatusValue.Bool(contract.IsRetryable((int)status.Number), status.FromStatus) : Propagate(status, StatusValue.Vague(status));
            }

            if (method.Name == "FromResult" && count == 1 && (TypeChecks.Is(method.ContainingType, _symbols.ValueTask) || TypeChecks.Is(method.ContainingType, _symbols.Task)))
            {
                return Evaluate(invocation.Arguments[0]);
            }

            // task.ConfigureAwait(false) changes where the continuation runs, not what the await gives or throws. Only the bool
            // overload: ConfigureAwaitOptions.SuppressThrowing makes the await swallow the failure.
            if (method.Name == "ConfigureAwait" && count == 1 && invocation.Instance is not null && _symbols.IsTaskType(method.ContainingType)
                && method.Parameters[0].Type.SpecialType == SpecialType.System_Boolean)
            {
                return Evaluate(invocation.Instance);
            }

            // task.GetAwaiter().GetResult() (also after ConfigureAwait) blocks for exactly what an await gives or throws.
            if (method.Name == "GetResult" && count == 0
                && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.Length: 0, Instance: { } awaited }
                && (_symbols.IsTaskType(awaited.Type) || awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" }))
            {
                return Evaluate(awaited);
            }

            if (TypeChecks.Is(method.ContainingType, _symbols.PredicateResult) && count == 0)
            {
                return method.Name switch
                {
                    "True" => StatusValue.Bool(true, fromStatus: false),
                    "False" => StatusValue.Bool(false, fromStatus: false),
                    _ => null,
                };
            }

            if (IsContainsOfList(invocation))
            {
                return Contains(invocation.Arguments[0].Value, Evaluate(invocation.Arguments[1]));
            }

            if (method.Name == "Equals" && count == 1 && invocation.Instance is not null && !method.IsStatic)
            {
                StatusValue instance = Evaluate(invocation.Instance);
                return instance.Kind is ValueKind.Int or ValueKind.Bool ? AreEqual(instance, Evaluate(invocation.Arguments[0])) : null;
            }

            if (method.Name == "GetValueOrDefault" && count == 0 && invocation.Instance is not null
                && method.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                StatusValue value = Evaluate(invocation.Instance);
                return value.Kind == ValueKind.Null ? StatusValue.Int(0, value.FromStatus) : value;
            }

            return null;
        }

        private StatusValue Create(IObjectCreationOperation creation)
        {
            ITypeSymbol? type = creation.Type;
            if (TypeChecks.Is(type, _symbols.ValueTaskOfT) && creation.Arguments.Length == 1)
            {
                return Evaluate(creation.Arguments[0]);
            }

            StatusValue inputs = Children(creation);
            if (inputs.Kind == ValueKind.Thrown)
            {
                return inputs;
            }

            return CallPolicy.IsException(type)
                ? StatusValue.ExceptionOf(type, status: null, statusKnown: false)
                : inputs;
        }

        /// <summary>What a send produces in this scenario: the response, or the exception it throws.</summary>
        private StatusValue Send(SendKind kind)
        {
            INamedTypeSymbol? exceptionType = kind == SendKind.ThrowsClientResultException ? _symbols.ClientResultException : _symbols.HttpRequestException;
            if (Scenario.IsTransportFailure)
            {
                return StatusValue.Throw(StatusValue.ExceptionOf(exceptionType, status: null, statusKnown: true));
            }

            if (kind == SendKind.ReturnsResponse)
            {
                return StatusValue.Response;
            }

            return Scenario.IsSuccess ? StatusValue.Opaque : StatusValue.Throw(StatusException(exceptionType));
        }

        private StatusValue StatusException(INamedTypeSymbol? type) => StatusValue.ExceptionOf(type, Scenario.Status, statusKnown: true);
    }
}
