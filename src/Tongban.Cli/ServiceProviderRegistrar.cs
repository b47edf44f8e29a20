using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Tongban.Cli;

/// <summary>Lets commands take the host's services in their constructors.</summary>
internal sealed class ServiceProviderRegistrar(IServiceProvider services) : ITypeRegistrar
{
    private readonly ServiceCollection _own = new();

    public void Register(Type service, Type implementation) => _own.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => _own.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => _own.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new Resolver(services, _own.BuildServiceProvider());

    private sealed class Resolver(IServiceProvider host, ServiceProvider own) : ITypeResolver, IDisposable
    {
        // Commands are built from the host's services; Spectre's own registrations (settings, helpers) from ours.
        public object? Resolve(Type? type) => type is null ? null
            : typeof(ICommand).IsAssignableFrom(type) && !type.IsAbstract ? ActivatorUtilities.CreateInstance(host, type)
            : host.GetService(type) ?? own.GetService(type);

        public void Dispose() => own.Dispose();
    }
}
