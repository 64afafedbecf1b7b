using System;
using CometApi.Contracts;

namespace CometChat.Configuration
{
    /// <summary>
    /// An API key that only ever leaves this type as an HTTP header value: it prints as <c>***</c>,
    /// so a credential passed to a log call or an interpolated string by mistake still stays secret.
    /// </summary>
    internal sealed class ApiCredential
    {
        private readonly string _value;

        public ApiCredential(string value)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _value = value.Trim();
        }

        /// <summary>The key itself, for <see cref="CometApiClientOptions.ApiKey"/>: the generated client sends it after the contract's scheme.</summary>
        public string Key => _value;

        /// <summary>The value of the <see cref="CometApiContract.AuthHeader"/> header: scheme, space, credential.</summary>
        public string HeaderValue => CometApiContract.AuthScheme.Length == 0 ? _value : CometApiContract.AuthScheme + " " + _value;

        public override string ToString() => "***";
    }
}
