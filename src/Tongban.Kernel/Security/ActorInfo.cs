namespace Tongban.Kernel.Security;

public enum ActorKind
{
    /// <summary>Nothing known about the actor any more (an account removed, a client deleted).</summary>
    Unknown = 0,

    /// <summary>A citizen or an enterprise's agent acting with their own account.</summary>
    Person = 1,

    /// <summary>A staff member: a name, roles and the department or station they work for.</summary>
    Staff = 2,

    /// <summary>A system acting by itself: a module of the platform, a department's system (an OAuth2 client), the command line.</summary>
    System = 3,
}

/// <summary>
/// What readers may be told about an actor. A staff member's <see cref="NameZh"/> is shown to staff only; the public
/// reads their role and department (docs/architecture.md, "Who did it").
/// </summary>
/// <param name="Development">Someone signed in through the development sign-in: a typed name, nothing checked.</param>
public sealed record ActorInfo(
    ActorKind Kind, string NameZh, string NameEn, IReadOnlyList<string> Roles, string? DepartmentZh = null, string? DepartmentEn = null, bool Development = false)
{
    public static ActorInfo Staff(string name, IReadOnlyList<string> roles, string? departmentZh = null, string? departmentEn = null) =>
        new(ActorKind.Staff, name, name, roles, departmentZh, departmentEn);

    public static ActorInfo System(string chinese, string english) => new(ActorKind.System, chinese, english, []);
}

/// <summary>
/// A system that acts or reads by itself, named for readers, e.g. <c>module:applications</c> → 网上办事系统. Each module
/// registers its own (<c>services.AddSingleton(new SystemActor(...))</c>): labels live beside what they name.
/// </summary>
public sealed record SystemActor(string Actor, string Chinese, string English);

/// <summary>
/// Tells who the actors the kernel cannot know are: accounts (<c>user:{id}</c>) and department systems (<c>client:{id}</c>).
/// The identity module implements it; the answer holds only the actors it knows.
/// </summary>
public interface IActorResolver
{
    Task<IReadOnlyDictionary<string, ActorInfo>> ResolveAsync(IReadOnlyCollection<string> actors, CancellationToken cancellationToken);
}
