namespace Erds.Cli.Fuzz;

// Revocation data is input too: an auditor hands over whatever file a CA (or someone) published. A damaged
// CRL or OCSP response is refused when read, or judged and found wanting, but never crashes the verifier.
internal static class RevocationInputs
{
    public static FuzzInput Damaged(int index, string kind, Random random, byte[] evidence, VerifierTarget target)
    {
        var damaged = random.Next(5) == 0 ? target.Crl : DerInputs.Mutate(random, target.Crl);
        return random.Next(3) == 0
            ? new FuzzInput(index, kind, evidence, OcspResponses: [damaged])
            : new FuzzInput(index, kind, evidence, Crls: [damaged, target.Crl]);
    }
}
