using System.Collections.Generic;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>A status a retry decision certainly retries although the contract does not allow it.</summary>
    internal readonly struct Offense
    {
        public Offense(int status, IOperation node)
        {
            Status = status;
            Node = node;
        }

        public int Status { get; }

        /// <summary>Where to report: the predicate expression that said "retry".</summary>
        public IOperation Node { get; }
    }

    /// <summary>Runs a predicate (a lambda or an own method) for every 4xx status and finds the first one it retries against the contract.</summary>
    internal static class PredicateEvaluation
    {
        public static Offense? FirstNonRetryable(StatusPredicate predicate, ContractSettings contract, RetrySymbols symbols)
        {
            if (predicate.Function.Parameters.Length != 1)
            {
                return null;
            }

            // Statuses the lambda cannot tell apart get the same answer: the first of each group is run, in order,
            // so the status reported is the one a run over every status would report.
            StatusCells? cells = StatusCells.For(predicate.Body, symbols);
            var judged = new HashSet<int>();
            for (int status = 400; status <= 499; status++)
            {
                if (contract.IsRetryable(status) || (cells is not null && !judged.Add(cells.CellOf(status))))
                {
                    continue;
                }

                if (Retries(predicate, status, symbols) is { } node)
                {
                    return new Offense(status, node);
                }
            }

            return null;
        }

        /// <summary>The returned expression when the predicate certainly says "retry" for <paramref name="status"/>.</summary>
        private static IOperation? Retries(StatusPredicate predicate, int status, RetrySymbols symbols)
        {
            ITypeSymbol parameterType = predicate.Function.Parameters[0].Type;
            foreach ((StatusValue argument, bool mustReadStatus) in Arguments(predicate.Input, parameterType, status, symbols))
            {
                (StatusValue result, IOperation? node, bool readStatus) = Run(predicate, argument, Scenario.WithStatus(status), symbols);

                // An exception predicate that ignores the status ("every HttpRequestException") is not judged here:
                // whether such exceptions carry a 4xx depends on the code the policy runs. Nor is a predicate over
                // results that are not typed as responses unless it reads a status itself.
                if (result.IsTrue && (!mustReadStatus || (result.FromStatus && readStatus)) && node is not null)
                {
                    return node;
                }
            }

            return null;
        }

        /// <summary>
        /// The values the predicate is run with, each with whether a "retry" counts only when the predicate read a status.
        /// A result typed as <c>HttpResponseMessage</c> is the response whatever the predicate does with it: retrying it
        /// unconditionally retries every 4xx. A result typed <c>object</c> (Polly v8's non-generic pipeline, a
        /// <c>PredicateBuilder</c> without a type argument) or an exception is an HTTP status only where the predicate
        /// looks at one (<c>args.Outcome.Result is HttpResponseMessage { StatusCode: ... }</c>, <c>HttpRequestException
        /// { StatusCode: ... }</c>).
        /// </summary>
        private static IEnumerable<(StatusValue Argument, bool MustReadStatus)> Arguments(PredicateInput input, ITypeSymbol parameterType, int status, RetrySymbols symbols)
        {
            switch (input)
            {
                case PredicateInput.Response when TypeChecks.InheritsFrom(symbols.HttpResponseMessage, parameterType as INamedTypeSymbol) || parameterType.SpecialType == SpecialType.System_Object:
                    yield return (StatusValue.Response, !TypeChecks.InheritsFrom(parameterType, symbols.HttpResponseMessage));
                    break;
                case PredicateInput.Exception:
                    foreach (INamedTypeSymbol? type in new[] { symbols.HttpRequestException, symbols.ClientResultException })
                    {
                        if (type is not null && TypeChecks.InheritsFrom(type, parameterType as INamedTypeSymbol))
                        {
                            yield return (StatusValue.ExceptionOf(type, status, statusKnown: true), true);
                        }
                    }

                    break;
                case PredicateInput.RetryArguments:
                    yield return (StatusValue.ArgumentsOf(StatusValue.OutcomeOf(StatusValue.Response)), !HandlesResponses(parameterType, symbols));
                    if (symbols.HttpRequestException is not null)
                    {
                        StatusValue exception = StatusValue.ExceptionOf(symbols.HttpRequestException, status, statusKnown: true);
                        yield return (StatusValue.ArgumentsOf(StatusValue.OutcomeOf(exception)), true);
                    }

                    break;
            }
        }

        /// <summary>True for <c>RetryPredicateArguments&lt;HttpResponseMessage&gt;</c> (or of a subclass): the pipeline's results are responses.</summary>
        private static bool HandlesResponses(ITypeSymbol argumentsType, RetrySymbols symbols)
            => argumentsType is INamedTypeSymbol { TypeArguments.Length: 1 } arguments
               && TypeChecks.Is(arguments, symbols.RetryPredicateArgumentsOfT)
               && TypeChecks.InheritsFrom(arguments.TypeArguments[0], symbols.HttpResponseMessage);

        /// <summary>The predicate's result over all its paths: true or false only when every path agrees.</summary>
        private static (StatusValue Result, IOperation? Node, bool ReadStatus) Run(StatusPredicate predicate, StatusValue argument, Scenario scenario, RetrySymbols symbols)
        {
            var simulator = new BodySimulator(symbols, scenario, loop: null);
            var env = new Env();
            env.Set(predicate.Function.Parameters[0], argument);
            StatusValue? combined = null;
            IOperation? node = null;
            foreach (SimulationPath path in simulator.Execute(predicate.Body, new SimulationPath(env)))
            {
                if (path.Completion != Completion.Return || path.Value is null || path.Value.Kind != ValueKind.Bool)
                {
                    return (StatusValue.Unknown, null, false);
                }

                node ??= Unwrap(path.Returned!);
                combined = combined is null ? path.Value
                    : combined.Number == path.Value.Number ? StatusValue.Bool(combined.IsTrue, combined.FromStatus || path.Value.FromStatus)
                    : StatusValue.Opaque;
            }

            return (combined ?? StatusValue.Unknown, node, simulator.Evaluator.EverReadStatus);
        }

        /// <summary>The boolean inside <c>ValueTask.FromResult(x)</c> or <c>new ValueTask&lt;bool&gt;(x)</c>.</summary>
        private static IOperation Unwrap(IOperation returned)
        {
            IOperation current = Conversions.UnwrapBuiltIn(returned);
            if (current is IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } fromResult)
            {
                return Conversions.UnwrapBuiltIn(fromResult.Arguments[0].Value);
            }

            if (current is IObjectCreationOperation { Arguments.Length: 1 } creation && creation.Type is INamedTypeSymbol { Name: "ValueTask", IsGenericType: true })
            {
                return Conversions.UnwrapBuiltIn(creation.Arguments[0].Value);
            }

            return current;
        }
    }
}
