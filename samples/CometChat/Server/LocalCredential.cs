using System;
using System.Security.Cryptography;
using CometChat.Configuration;

namespace CometChat.Server
{
    /// <summary>The embedded server's key: made fresh for every run, accepted only by that loopback server, never a real secret.</summary>
    internal static class LocalCredential
    {
        public static ApiCredential Generate() => new("sk-local-probe-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
    }
}
