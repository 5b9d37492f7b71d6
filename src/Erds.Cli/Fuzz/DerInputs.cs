namespace Erds.Cli.Fuzz;

// Damage inside the DER the evidence carries in base64 (the seal certificate twice, the timestamp token,
// the signature value): the certificate and CMS parsers of .NET and BouncyCastle see hostile input too.
internal static class DerInputs
{
    private static readonly string[] Fields = ["<ds:X509Certificate>", "<X509Certificate>", "<xades:EncapsulatedTimeStamp>", "<ds:SignatureValue", "<xades:IssuerSerialV2>"];

    public static byte[] Damaged(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var field = random.Pick(Fields);
        var open = xml.IndexOf(field, StringComparison.Ordinal);
        if (open < 0) return evidence;
        var start = xml.IndexOf('>', open) + 1;
        var end = xml.IndexOf('<', start);
        byte[] der;
        try
        {
            der = Convert.FromBase64String(xml[start..end]);
        }
        catch (FormatException)
        {
            return evidence;
        }
        return Text.Bytes(xml[..start] + Convert.ToBase64String(Mutate(random, der)) + xml[end..]);
    }

    // Length and tag bytes are where parsers go wrong, so they are hit as often as the rest.
    public static byte[] Mutate(Random random, byte[] der)
    {
        var bytes = new List<byte>(der);
        for (var n = random.LogUniform(1, 8); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = random.Pick<byte>([0x00, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0xFF]); break;
                case 2: bytes[at] = random.Pick<byte>([0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x17, 0x18, 0x30, 0x31, 0xA0, 0xA3]); break;
                case 3: bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at)); break;
                case 4: bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256))); break;
                case 5: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, Math.Min(random.Next(1, 64), bytes.Count - at))); break;
            }
        }
        return [.. bytes];
    }
}
