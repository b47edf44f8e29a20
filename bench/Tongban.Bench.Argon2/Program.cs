using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

// The bare cost of one Argon2id hash (libsodium through NSec, as Tongban.Identity hashes passwords), on one thread:
//   dotnet Tongban.Bench.Argon2.dll MEMORY_KIB PASSES LANES SECONDS
// prints "argon2id m=… t=… p=…: N hashes in S s = R hashes/s (X ms each)". See bench/identity/README.md.
var numbers = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var (memoryKib, passes, lanes, seconds) = numbers.Length == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (7 * 1024, 5, 1, 5);
var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
{
    DegreeOfParallelism = lanes, MemorySize = memoryKib, NumberOfPasses = passes,
});
var salt = RandomNumberGenerator.GetBytes(16);
algorithm.DeriveBytes("Kettle-Orchard-41", salt, 32); // warm-up
var clock = Stopwatch.StartNew();
var count = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    algorithm.DeriveBytes("Kettle-Orchard-41", salt, 32);
    count++;
}
var elapsed = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"argon2id m={memoryKib},t={passes},p={lanes}: {count} hashes in {elapsed:F1} s = {count / elapsed:F1} hashes/s ({elapsed * 1000 / count:F1} ms each)"));
