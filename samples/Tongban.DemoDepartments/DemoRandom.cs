using System.Security.Cryptography;
using System.Text;

namespace Tongban.DemoDepartments;

/// <summary>A person's figures in a department system, the same on every run: a random sequence seeded by their ID number and the system.</summary>
internal static class DemoRandom
{
    public static Random Of(string idNumber, string system) =>
        new(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(system == "housing-fund" ? idNumber.ToUpperInvariant() : $"{system}:{idNumber.ToUpperInvariant()}")), 0));
}
