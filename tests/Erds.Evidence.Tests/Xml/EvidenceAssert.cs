using Erds.Evidence.Model;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

/// <summary>
/// Compares evidence field by field: the model's records hold lists and byte arrays, which record
/// equality compares by reference.
/// </summary>
internal static class EvidenceAssert
{
    public static void Equal(EvidenceDocument expected, EvidenceDocument actual)
    {
        Assert.Equal(expected.EvidenceIdentifier, actual.EvidenceIdentifier);
        Assert.Equal(expected.Event, actual.Event);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected.EventTime, actual.EventTime);
        Assert.Equal(expected.IssuerPolicyIds, actual.IssuerPolicyIds);
        Assert.Equal(expected.Issuer.LegalName, actual.Issuer.LegalName);
        Assert.Equal(expected.Issuer.SealCertificate, actual.Issuer.SealCertificate);
        Equal(expected.Sender, actual.Sender);
        if (expected.SenderDelegate is null) Assert.Null(actual.SenderDelegate);
        else Equal(expected.SenderDelegate, actual.SenderDelegate!);
        Assert.Equal(expected.Recipients.Count, actual.Recipients.Count);
        for (var i = 0; i < expected.Recipients.Count; i++) Equal(expected.Recipients[i], actual.Recipients[i]);
        Assert.Equal(expected.SubmissionTime, actual.SubmissionTime);
        Assert.Equal(expected.RefersToRecipient, actual.RefersToRecipient);
        Assert.Equal(expected.MessageIdentifier, actual.MessageIdentifier);
        Assert.Equal(expected.AppLayerIdentifier, actual.AppLayerIdentifier);
        Assert.Equal(expected.ContentParts.Count, actual.ContentParts.Count);
        for (var i = 0; i < expected.ContentParts.Count; i++)
        {
            Assert.Equal(expected.ContentParts[i].Identifier, actual.ContentParts[i].Identifier);
            Assert.Equal(expected.ContentParts[i].ContentType, actual.ContentParts[i].ContentType);
            Assert.Equal(expected.ContentParts[i].Sha256, actual.ContentParts[i].Sha256);
        }
    }

    private static void Equal(PartyDetails expected, PartyDetails actual)
    {
        Assert.Equal(expected.Identifier, actual.Identifier);
        Assert.Equal(expected.IdentifierScheme, actual.IdentifierScheme);
        Assert.Equal(expected.Identity, actual.Identity);
        Assert.Equal(expected.Authentication, actual.Authentication);
    }
}
