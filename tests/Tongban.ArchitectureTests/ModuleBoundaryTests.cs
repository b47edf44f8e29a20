using System.Reflection;
using NetArchTest.Rules;

namespace Tongban.ArchitectureTests;

/// <summary>
/// Modules reach each other only through Contracts; hosts wire modules only through AddX/MapX and Contracts;
/// everything outside Contracts is internal; the kernel knows no module.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Kernel = typeof(Kernel.KernelModule).Assembly;
    private static readonly Assembly Web = typeof(Web.Hosting.Modules).Assembly;
    private static readonly Assembly Cli = typeof(Cli.TongbanCommand).Assembly;

    /// <summary>Every module assembly the web host references (Tongban.X beside the kernel).</summary>
    public static readonly IReadOnlyList<Assembly> Modules = Web.GetReferencedAssemblies()
        .Where(a => a.Name!.StartsWith("Tongban.", StringComparison.Ordinal) && a.Name != "Tongban.Kernel")
        .Select(Assembly.Load).ToList();

    private static string ModuleName(Assembly module) => module.GetName().Name!;

    /// <summary>Namespaces of a module that nobody else may touch: everything but the root and Contracts.</summary>
    private static string[] InternalsOf(Assembly module) => module.GetTypes()
        .Select(t => t.Namespace ?? "")
        .Where(ns => ns.StartsWith(ModuleName(module) + ".", StringComparison.Ordinal) && !ns.StartsWith(ModuleName(module) + ".Contracts", StringComparison.Ordinal))
        .Distinct().ToArray();

    [Fact]
    public void There_is_at_least_one_module() => Assert.Contains(Modules, m => ModuleName(m) == "Tongban.Organization");

    [Fact]
    public void Modules_reach_each_other_only_through_contracts()
    {
        foreach (var module in Modules)
        foreach (var other in Modules.Where(o => o != module))
        {
            var forbidden = InternalsOf(other);
            if (forbidden.Length == 0) continue;
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            Assert.True(result.IsSuccessful, $"{ModuleName(module)} uses internals of {ModuleName(other)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Hosts_use_modules_only_through_their_entry_class_and_contracts()
    {
        foreach (var host in new[] { Web, Cli })
        foreach (var module in Modules)
        {
            var result = Types.InAssembly(host).ShouldNot().HaveDependencyOnAny(InternalsOf(module)).GetResult();
            Assert.True(result.IsSuccessful, $"{host.GetName().Name} uses internals of {ModuleName(module)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void A_module_exposes_only_its_entry_class_and_contracts()
    {
        foreach (var module in Modules)
        {
            var exposed = module.GetExportedTypes()
                .Where(t => t.Namespace != ModuleName(module) + ".Contracts" && t.Name != ModuleName(module)["Tongban.".Length..] + "Module")
                // dotnet-ef generates migrations as public classes; they are schema history, not an API.
                .Where(t => t.Namespace?.StartsWith(ModuleName(module) + ".Data.Migrations", StringComparison.Ordinal) != true)
                .Select(t => t.FullName).ToList();
            Assert.True(exposed.Count == 0, $"{ModuleName(module)} makes public: {string.Join(", ", exposed)}");
        }
    }

    [Fact]
    public void The_kernel_depends_on_no_module_and_no_host()
    {
        var result = Types.InAssembly(Kernel).ShouldNot()
            .HaveDependencyOnAny([.. Modules.Select(ModuleName), "Tongban.Web", "Tongban.Cli"]).GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_code_knows_neither_EF_Core_nor_HTTP()
    {
        foreach (var module in Modules)
        {
            var result = Types.InAssembly(module).That().ResideInNamespace(ModuleName(module) + ".Domain").ShouldNot()
                .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore").GetResult();
            Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        }
    }
}
