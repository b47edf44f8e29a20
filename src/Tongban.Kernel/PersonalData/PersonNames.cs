namespace Tongban.Kernel.PersonalData;

/// <summary>A person's name as a reader who does not need it whole sees it: the family name, the rest starred (张**).</summary>
public static class PersonNames
{
    /// <summary>The first character and a star for each other one (at least one, so no name shows whole); "—" for none.</summary>
    public static string Mask(string? name) =>
        string.IsNullOrEmpty(name) ? "—" : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
