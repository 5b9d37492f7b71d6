namespace Erds.Evidence.Model;

/// <summary>
/// The assurance level of a party's identification and how and when it authenticated
/// (<c>AssuranceLevelsDetails</c> with <c>GlobalAssuranceLevel</c> and <c>AuthenticationDetails</c>).
/// </summary>
/// <param name="AssuranceLevel">An assurance level URI, e.g. <c>http://eidas.europa.eu/LoA/substantial</c>.</param>
/// <param name="Method">An authentication method URI.</param>
/// <param name="Time">When the party authenticated.</param>
public sealed record AuthenticationInfo(string AssuranceLevel, string Method, DateTimeOffset Time);
