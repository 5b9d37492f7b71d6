namespace Erds.Evidence.Timestamping;

/// <summary>Why a timestamp could not be obtained or does not verify.</summary>
public enum TimestampFailure
{
    /// <summary>The timestamp authority could not be reached or answered with an HTTP error.</summary>
    Unavailable,
    /// <summary>The reply is not a DER TimeStampResp of the expected media type.</summary>
    MalformedResponse,
    /// <summary>The authority refused the request (status rejection, waiting, revocation...).</summary>
    NotGranted,
    /// <summary>The reply answers a request with another nonce (a replay or a mix-up).</summary>
    NonceMismatch,
    /// <summary>The token is not a CMS SignedData over a TSTInfo.</summary>
    MalformedToken,
    /// <summary>The token covers another message imprint, or uses another hash than SHA-256.</summary>
    ImprintMismatch,
    /// <summary>The token does not carry the certificate that signed it.</summary>
    MissingSignerCertificate,
    /// <summary>The signer certificate lacks a critical extended key usage of timeStamping only.</summary>
    NotATimestampingCertificate,
    /// <summary>The token's signature or its ESS signing-certificate attribute does not verify.</summary>
    BadSignature,
    /// <summary>The signer certificate does not chain to a configured root, or was not valid at the token's time.</summary>
    UntrustedChain,
}
