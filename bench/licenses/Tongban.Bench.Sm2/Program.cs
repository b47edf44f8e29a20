using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Tongban.Licenses.Signing;

// SM2 signature verification as the license seals do it (SealCrypto: BouncyCastle, SM3, user ID 1234567812345678),
// on one thread like `openssl speed sm2`, without the KeyRing's memo of results:
//   dotnet Tongban.Bench.Sm2.dll SECONDS
// prints "sm2 verify: N in S s = R verifies/s". See bench/licenses/verification.md.
var seconds = args.Length == 1 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var pair = SealCrypto.Generate(SealAlgorithm.Sm2Sm3);
var verify = SealCrypto.Verifier(SealAlgorithm.Sm2Sm3, pair.SubjectPublicKeyInfo);
var sign = SealCrypto.Signer(SealAlgorithm.Sm2Sm3, pair.Pkcs8);
var data = RandomNumberGenerator.GetBytes(1024); // about a license's signed JSON
var signatures = Enumerable.Range(0, 64).Select(_ => sign(data)).ToArray();
var warmUp = Stopwatch.StartNew();
for (var i = 0; warmUp.Elapsed.TotalSeconds < 2; i++) Check(verify(data, signatures[i % signatures.Length])); // tiered compilation settles
var clock = Stopwatch.StartNew();
var count = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    Check(verify(data, signatures[count % signatures.Length]));
    count++;
}
var elapsed = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sm2 verify: {count} in {elapsed:F1} s = {count / elapsed:F1} verifies/s"));

static void Check(bool valid)
{
    if (!valid) throw new InvalidOperationException("a signature did not verify");
}
