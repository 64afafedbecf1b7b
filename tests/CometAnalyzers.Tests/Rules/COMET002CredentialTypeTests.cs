using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>Credential types are secrets by their type, whatever they are called: COMET002, and so is the secret they hand out.</summary>
    public class COMET002CredentialTypeTests
    {
        [Fact]
        public Task A_NetworkCredential_and_its_password_are_COMET002()
            => Test("""
                class C
                {
                    void M(ILogger logger, System.Net.NetworkCredential proxy, HttpClientHandler handler)
                    {
                        logger.LogDebug("Proxy {Proxy}", {|COMET002:proxy|});
                        logger.LogDebug("Proxy {Password}", {|COMET002:proxy.Password|});
                        logger.LogDebug({|COMET002:$"{proxy.UserName}:{proxy.Password}"|});
                        logger.LogDebug("User {User} at {Domain}", proxy.UserName, proxy.Domain);
                        var login = new System.Net.NetworkCredential("user", "pass");
                        Console.WriteLine({|COMET002:login|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Azure_key_credentials_and_their_keys_are_COMET002()
            => Test("""
                class C
                {
                    void M(ILogger logger, Azure.AzureKeyCredential key, Azure.AzureNamedKeyCredential named, Azure.AzureSasCredential sas)
                    {
                        logger.LogDebug("Key {Key}", {|COMET002:key|});
                        logger.LogDebug("Key {Key}", {|COMET002:key.Key|});
                        logger.LogDebug("Key {Key}", {|COMET002:named|});
                        logger.LogDebug("Sas {Sas}", {|COMET002:sas.Signature|});
                        Console.WriteLine({|COMET002:"sas=" + sas.Signature|});
                    }
                }
                """).WithLibrary(TestReferences.AzureCore).RunAsync();
    }
}
